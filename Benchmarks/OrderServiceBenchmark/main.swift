import OrderService

// The catch-up benchmark (200,000 events, events/s and RSS) is parked: its first version made
// swift-frontend run for more than 10 minutes in a debug build, which would stall `make test`
// (it builds every target). See the issue 6 note; the driver is scripts/order-service/bench.sh.
print("order-service benchmark: not yet available (see issue 6)")
_ = OrderServiceConfiguration()
