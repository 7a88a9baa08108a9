/// The OpenAPI 3 description of the Cart Service, served at `/openapi.json`.
///
/// Written by hand and kept true by `CartOpenAPITests`, which checks that every operation here is
/// routed and that answers match their schemas; schemathesis fuzzes the service from it.
enum CartOpenAPI {
    static let document = #"""
        {
          "openapi": "3.0.3",
          "info": {
            "title": "Cart Service",
            "version": "1.0.0",
            "description": "Validates order requests and publishes CREATE and UPDATE events (Avro, Schema Registry) to the order-events topic. A 2xx answer means the broker acknowledged the event (acks=all)."
          },
          "security": [{"apiKey": []}, {"bearer": []}],
          "paths": {
            "/create-order": {
              "post": {
                "operationId": "createOrder",
                "summary": "Create an order and publish its CREATE event",
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CreateOrderRequest"}}}
                },
                "responses": {
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "429": {"$ref": "#/components/responses/TooManyRequests"},
                  "201": {"description": "Published and acknowledged", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CreateOrderResponse"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
                  "500": {"$ref": "#/components/responses/InternalError"},
                  "503": {"$ref": "#/components/responses/Unavailable"}
                }
              }
            },
            "/update-order": {
              "put": {
                "operationId": "updateOrder",
                "summary": "Publish an UPDATE event with a new status",
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UpdateOrderRequest"}}}
                },
                "responses": {
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "429": {"$ref": "#/components/responses/TooManyRequests"},
                  "200": {"description": "Published and acknowledged", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UpdateOrderResponse"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
                  "500": {"$ref": "#/components/responses/InternalError"},
                  "503": {"$ref": "#/components/responses/Unavailable"}
                }
              }
            },
            "/health": {
              "get": {
                "operationId": "health",
                "security": [],
                "summary": "Whether an order can be published now: broker reachable (cached, no round trip) and schema registered",
                "responses": {
                  "200": {"description": "Healthy", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}},
                  "503": {"description": "Broker unreachable, or schema not registered yet", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}}
                }
              }
            },
            "/metrics": {
              "get": {
                "operationId": "metrics",
                "security": [],
                "summary": "Every metric in Prometheus's text format, for a scraper",
                "responses": {"200": {"description": "The metrics", "content": {"text/plain": {"schema": {"type": "string"}}}}}
              }
            },
            "/openapi.json": {
              "get": {
                "operationId": "openAPI",
                "security": [],
                "summary": "This document",
                "responses": {"200": {"description": "The OpenAPI document", "content": {"application/json": {"schema": {"type": "object"}}}}}
              }
            }
          },
          "components": {
            "securitySchemes": {
              "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key", "description": "An API key of API_KEYS or API_KEYS_FILE; also accepted as Authorization: Bearer KEY"},
              "bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "API key or JWT", "description": "An API key, or a JWT signed with JWT_HS256_SECRET or a key of JWT_JWKS_FILE whose scope claim holds orders:read, orders:write or orders:admin"}
            },
            "schemas": {
              "CreateOrderRequest": {
                "type": "object",
                "required": ["orderId"],
                "description": "An optional member that is null counts as absent.",
                "anyOf": [
                  {"required": ["itemsCount"], "properties": {"itemsCount": {"type": "integer"}}},
                  {"required": ["items"], "properties": {"items": {"type": "array"}}}
                ],
                "properties": {
                  "orderId": {"type": "string", "minLength": 1, "maxLength": 64, "pattern": "^[A-Za-z0-9._:-]+$", "example": "ORDER-001"},
                  "itemsCount": {"type": "integer", "nullable": true, "minimum": 1, "maximum": 100, "description": "Items to generate; required unless items are given, and equal to their number when both are."},
                  "customerId": {"type": "string", "nullable": true, "minLength": 1, "maxLength": 64, "pattern": "^[A-Za-z0-9._:-]+$"},
                  "items": {"type": "array", "nullable": true, "minItems": 1, "maxItems": 100, "items": {"$ref": "#/components/schemas/ItemInput"}}
                }
              },
              "ItemInput": {
                "type": "object",
                "required": ["itemId", "quantity", "price"],
                "properties": {
                  "itemId": {"type": "string", "minLength": 1, "maxLength": 64},
                  "quantity": {"type": "integer", "minimum": 1, "maximum": 1000},
                  "price": {"type": "number", "exclusiveMinimum": true, "minimum": 0, "maximum": 1000000, "multipleOf": 0.01}
                }
              },
              "UpdateOrderRequest": {
                "type": "object",
                "required": ["orderId", "status"],
                "properties": {
                  "orderId": {"type": "string", "minLength": 1, "maxLength": 64, "pattern": "^[A-Za-z0-9._:-]+$"},
                  "status": {"type": "string", "enum": ["pending", "confirmed", "processing", "shipped", "delivered", "cancelled"]}
                }
              },
              "Item": {
                "type": "object",
                "required": ["itemId", "quantity", "price"],
                "properties": {"itemId": {"type": "string"}, "quantity": {"type": "integer"}, "price": {"type": "number"}}
              },
              "Order": {
                "type": "object",
                "required": ["orderId", "customerId", "orderDate", "items", "totalAmount", "currency", "status"],
                "properties": {
                  "orderId": {"type": "string"},
                  "customerId": {"type": "string"},
                  "orderDate": {"type": "string", "format": "date-time"},
                  "items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
                  "totalAmount": {"type": "number"},
                  "currency": {"type": "string"},
                  "status": {"type": "string", "enum": ["new"]}
                }
              },
              "Event": {
                "type": "object",
                "required": ["topic", "partition", "offset"],
                "properties": {"topic": {"type": "string"}, "partition": {"type": "integer"}, "offset": {"type": "integer"}}
              },
              "CreateOrderResponse": {
                "type": "object",
                "required": ["message", "order", "event"],
                "properties": {
                  "message": {"type": "string"},
                  "order": {"$ref": "#/components/schemas/Order"},
                  "event": {"$ref": "#/components/schemas/Event"}
                }
              },
              "UpdateOrderResponse": {
                "type": "object",
                "required": ["message", "update", "event"],
                "properties": {
                  "message": {"type": "string"},
                  "update": {
                    "type": "object",
                    "required": ["orderId", "status"],
                    "properties": {"orderId": {"type": "string"}, "status": {"type": "string"}}
                  },
                  "event": {"$ref": "#/components/schemas/Event"}
                }
              },
              "Health": {
                "type": "object",
                "required": ["status", "kafka"],
                "properties": {
                  "status": {"type": "string", "enum": ["healthy", "unhealthy"]},
                  "kafka": {"type": "string", "enum": ["connected", "disconnected"]},
                  "schema": {"type": "string", "enum": ["registered", "pending"], "description": "pending until the order event schema is registered; publishing answers 503 meanwhile"}
                }
              },
              "Errors": {
                "type": "object",
                "required": ["errors"],
                "properties": {"errors": {"type": "array", "minItems": 1, "items": {"type": "string"}}}
              },
              "Unavailable": {
                "type": "object",
                "required": ["errors"],
                "properties": {
                  "errors": {"type": "array", "minItems": 1, "items": {"type": "string"}},
                  "eventStored": {"type": "string", "enum": ["no", "unknown"]}
                }
              }
            },
            "responses": {
              "Unauthorized": {"description": "No credentials, or credentials that are unknown, expired or malformed (only when authentication is configured)", "headers": {"WWW-Authenticate": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}},
              "Forbidden": {"description": "Valid credentials without the role this operation needs", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}},
              "TooManyRequests": {"description": "Past the rate limit (RATE_LIMIT_RPS); retry after Retry-After seconds", "headers": {"Retry-After": {"schema": {"type": "integer"}}, "RateLimit-Limit": {"schema": {"type": "integer"}}, "RateLimit-Remaining": {"schema": {"type": "integer"}}, "RateLimit-Reset": {"schema": {"type": "integer"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}},
              "BadRequest": {"description": "Invalid request; every problem is listed", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}},
              "TooLarge": {"description": "Body larger than the limit", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}},
              "UnsupportedMediaType": {"description": "Body is not application/json", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}},
              "InternalError": {"description": "Unexpected error; report to ops", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}},
              "Unavailable": {
                "description": "Broker or registry unreachable; retry after the delay in Retry-After. eventStored says whether the event may still reach the topic: no (it was not stored), unknown (no acknowledgement came in time, but the broker may have stored it)",
                "headers": {"Retry-After": {"schema": {"type": "integer"}}},
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Unavailable"}}}
              }
            }
          }
        }
        """#
}
