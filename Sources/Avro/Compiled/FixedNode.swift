final class FixedNode: Sendable {
    let name: AvroName
    let aliases: [AvroName]
    let size: Int

    init(name: AvroName, aliases: [AvroName], size: Int) {
        self.name = name
        self.aliases = aliases
        self.size = size
    }
}
