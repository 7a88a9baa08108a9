/// Lets the encoder recognise `Optional` of any wrapped type without knowing the wrapped type.
protocol AvroOptionalMarker {}

extension Optional: AvroOptionalMarker {}
