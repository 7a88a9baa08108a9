import Foundation
import OrderEvents
import Testing

@Suite struct MoneyTests {
    let shipping = ShippingPolicy()

    @Test(arguments: [
        ("99.98", "2.00"),  // 1.9996 → 2.00
        ("100.00", "2.00"),
        ("0.25", "0.01"),  // 0.005 → 0.01: half up
        ("0.24", "0.00"),  // 0.0048 → 0.00
        ("12.75", "0.26"),  // 0.255 → 0.26: half up
        ("12.25", "0.25"),  // 0.245 → 0.25: half up
        ("1234.56", "24.69"),  // 24.6912
        ("0.00", "0.00"),
        ("99999999.99", "2000000.00"),  // 1999999.9998
    ])
    func shippingIsTwoPercentRoundedHalfUp(total: String, expected: String) throws {
        let amount = try #require(Decimal(string: total))
        #expect(Money.format(shipping.cost(forTotal: amount)) == expected)
    }

    @Test(arguments: [("2", "2.00"), ("1999.6", "1999.60"), ("0.1", "0.10"), ("-3.456", "-3.46"), ("0.005", "0.01")])
    func formatsTwoDecimals(value: String, expected: String) throws {
        #expect(Money.format(try #require(Decimal(string: value))) == expected)
    }

    @Test func totalsAreExact() throws {
        let items = [
            OrderItem(itemId: "A", quantity: 3, price: try #require(Decimal(string: "0.10"))),
            OrderItem(itemId: "B", quantity: 1, price: try #require(Decimal(string: "0.20"))),
        ]
        #expect(Order.total(of: items) == Decimal(string: "0.50"))
    }
}

@Suite struct OrderEventSchemaTests {
    /// The schema compiled into the services is the one published in `schemas/` for other languages.
    @Test func embeddedSchemaMatchesTheFileInTheRepository() throws {
        let file = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("schemas/order-event.avsc")
        let fromFile = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? NSDictionary
        let embedded = try JSONSerialization.jsonObject(with: Data(OrderEventSchema.json.utf8)) as? NSDictionary
        #expect(fromFile != nil)
        #expect(fromFile == embedded)
    }
}
