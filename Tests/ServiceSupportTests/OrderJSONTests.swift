import Foundation
import JSONOutput
import OrderEvents
import ServiceSupport
import Testing

/// The seed's JSON answers: money with two decimals, escaped strings, UTC timestamps.
@Suite struct OrderJSONTests {
    @Test func orderRendersMoneyWithTwoDecimals() throws {
        let order = Order(
            orderId: OrderID(rawValue: "ORDER-001"), customerId: "CUST-1",
            orderDate: Date(timeIntervalSince1970: 1_769_785_200),
            items: [OrderItem(itemId: "ITEM-1", quantity: 2, price: try #require(Decimal(string: "49.99")))],
            totalAmount: try #require(Decimal(string: "99.98")), currency: "USD", status: .confirmed)
        let text = order.json(adding: [("shippingCost", .money(ShippingPolicy().cost(forTotal: order.totalAmount)))])
            .serialized()
        #expect(
            text == """
                {"orderId":"ORDER-001","customerId":"CUST-1","orderDate":"2026-01-30T15:00:00Z",\
                "items":[{"itemId":"ITEM-1","quantity":2,"price":49.99}],"totalAmount":99.98,"currency":"USD",\
                "status":"confirmed","shippingCost":2.00}
                """)
        // And it is JSON that a standard parser reads back.
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(parsed?["shippingCost"] as? Double == 2.0)
    }

    @Test func stringsAreEscaped() {
        #expect(JSONText.string("a\"b\\c\n\u{1}é").serialized() == #""a\"b\\c\n\u0001é""#)
    }

    @Test func timestampsKeepMilliseconds() {
        #expect(ISO8601.format(Date(timeIntervalSince1970: 1_769_785_200.123)) == "2026-01-30T15:00:00.123Z")
        #expect(ISO8601.format(Date(timeIntervalSince1970: 1_769_785_200)) == "2026-01-30T15:00:00Z")
        #expect(ISO8601.format(Date(timeIntervalSince1970: 1_769_785_200.05)) == "2026-01-30T15:00:00.050Z")
        #expect(ISO8601.format(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500Z")
        #expect(ISO8601.format(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
        #expect(ISO8601.parse("2026-01-30T15:00:00Z") == Date(timeIntervalSince1970: 1_769_785_200))
    }
}
