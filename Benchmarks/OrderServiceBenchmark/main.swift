import OrderService

_ = OrderServiceConfiguration()
