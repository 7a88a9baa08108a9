/// The OpenAPI 3 description of the Order Service, served at `/openapi.json`.
///
/// Written by hand and kept true by `OrderOpenAPITests`, which checks that every operation here is
/// routed and that answers carry the required members.
enum OrderOpenAPI {
    static let document = #"""
        {
          "openapi": "3.0.3",
          "info": {
            "title": "Order Service",
            "version": "1.0.0",
            "description": "Consumes order events (Avro, Schema Registry) from order-events exactly once in effect, keeps orders with their shipping cost in a durable store, and dead-letters what cannot be applied to order-events-dlq."
          },
          "security": [{"apiKey": []}, {"bearer": []}],
          "paths": {
            "/order-details": {
              "get": {
                "operationId": "orderDetails",
                "summary": "An order with its shipping cost",
                "parameters": [
                  {"name": "orderId", "in": "query", "required": true, "schema": {"type": "string", "minLength": 1, "maxLength": 64, "pattern": "^[A-Za-z0-9._:-]+$"}, "example": "ORDER-001"}
                ],
                "responses": {
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "429": {"$ref": "#/components/responses/TooManyRequests"},
                  "200": {"description": "The order", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/OrderDetails"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "503": {"$ref": "#/components/responses/Unavailable"}
                }
              }
            },
            "/getAllOrderIdsFromTopic": {
              "get": {
                "operationId": "allOrderIds",
                "summary": "Ids of the orders successfully created from a topic (dead-lettered events are not included)",
                "parameters": [
                  {"name": "topic", "in": "query", "required": false, "schema": {"type": "string", "default": "order-events"}},
                  {"name": "limit", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1, "maximum": 9223372036854775807}, "description": "At most this many ids (capped by the service); all when absent."},
                  {"name": "offset", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 0, "maximum": 9223372036854775807, "default": 0}}
                ],
                "responses": {
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "429": {"$ref": "#/components/responses/TooManyRequests"},
                  "200": {"description": "The ids, oldest first", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/OrderIds"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "503": {"$ref": "#/components/responses/Unavailable"}
                }
              }
            },
            "/dlq/stats": {
              "get": {
                "operationId": "deadLetterStats",
                "summary": "Dead letters per category, read from the dead-letter topic (every instance, across restarts)",
                "responses": {
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "429": {"$ref": "#/components/responses/TooManyRequests"},
                  "200": {"description": "The statistics", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DeadLetterStats"}}}}
                }
              }
            },
            "/dlq/messages": {
              "get": {
                "operationId": "deadLetterMessages",
                "summary": "Dead letters in topic order, with the original value in base64",
                "parameters": [
                  {"name": "limit", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1, "maximum": 9223372036854775807, "default": 10}, "description": "Capped by the service."},
                  {"name": "offset", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 0, "maximum": 9223372036854775807, "default": 0}}
                ],
                "responses": {
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "429": {"$ref": "#/components/responses/TooManyRequests"},
                  "200": {"description": "A page of dead letters", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DeadLetterPage"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"}
                }
              }
            },
            "/health": {
              "get": {
                "operationId": "health",
                "security": [],
                "summary": "Consumer state, stored orders, lag per partition; 503 when the consumer is stuck",
                "responses": {
                  "200": {"description": "Healthy", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}},
                  "503": {"description": "Stopped, or waiting on the store or the dead-letter topic", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}}
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
              "Item": {
                "type": "object",
                "required": ["itemId", "quantity", "price"],
                "properties": {"itemId": {"type": "string"}, "quantity": {"type": "integer"}, "price": {"type": "number", "description": "Two decimals, e.g. 49.99"}}
              },
              "OrderDetails": {
                "type": "object",
                "required": ["orderId", "customerId", "orderDate", "items", "totalAmount", "currency", "status", "shippingCost"],
                "properties": {
                  "orderId": {"type": "string"},
                  "customerId": {"type": "string"},
                  "orderDate": {"type": "string", "format": "date-time"},
                  "items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
                  "totalAmount": {"type": "number"},
                  "currency": {"type": "string"},
                  "status": {"type": "string", "enum": ["new", "pending", "confirmed", "processing", "shipped", "delivered", "cancelled"]},
                  "shippingCost": {"type": "number", "description": "2 % of totalAmount, rounded half-up to cents"}
                }
              },
              "OrderIds": {
                "type": "object",
                "required": ["topic", "orderIds", "count"],
                "properties": {
                  "topic": {"type": "string"},
                  "orderIds": {"type": "array", "items": {"type": "string"}},
                  "count": {"type": "integer", "description": "Ids in this answer"},
                  "total": {"type": "integer", "description": "Ids in all"},
                  "limit": {"type": "integer"},
                  "offset": {"type": "integer"}
                }
              },
              "DeadLetterStats": {
                "type": "object",
                "required": ["total_messages", "error_categories", "topic"],
                "properties": {
                  "total_messages": {"type": "integer"},
                  "error_categories": {"type": "object", "additionalProperties": {"type": "integer"}},
                  "topic": {"type": "string"}
                }
              },
              "DeadLetter": {
                "type": "object",
                "required": ["error_category", "error_message", "retry_count", "timestamp", "original_topic", "original_partition", "original_offset", "original_value"],
                "properties": {
                  "orderId": {"type": "string", "nullable": true},
                  "error_category": {"type": "string", "example": "NO_RETRY_DLQ"},
                  "error_message": {"type": "string"},
                  "retry_count": {"type": "integer"},
                  "timestamp": {"type": "string", "format": "date-time"},
                  "original_topic": {"type": "string"},
                  "original_partition": {"type": "integer"},
                  "original_offset": {"type": "integer"},
                  "original_value": {"type": "string", "format": "byte", "description": "The original record's value, base64"}
                }
              },
              "DeadLetterPage": {
                "type": "object",
                "required": ["messages", "count", "limit", "offset"],
                "properties": {
                  "messages": {"type": "array", "items": {"$ref": "#/components/schemas/DeadLetter"}},
                  "count": {"type": "integer"},
                  "total": {"type": "integer"},
                  "limit": {"type": "integer"},
                  "offset": {"type": "integer"}
                }
              },
              "PartitionHealth": {
                "type": "object",
                "required": ["topic", "partition", "state"],
                "properties": {
                  "topic": {"type": "string"},
                  "partition": {"type": "integer"},
                  "next_offset": {"type": "integer", "nullable": true},
                  "log_end_offset": {"type": "integer", "nullable": true},
                  "lag": {"type": "integer", "nullable": true},
                  "state": {"type": "string", "enum": ["flowing", "retrying"]},
                  "retry": {"type": "object"}
                }
              },
              "Health": {
                "type": "object",
                "required": ["status", "consumer", "orders_in_memory"],
                "properties": {
                  "status": {"type": "string", "enum": ["healthy", "unhealthy"]},
                  "consumer": {"type": "string", "enum": ["starting", "running", "retrying", "stopped"]},
                  "orders_in_memory": {"type": "integer", "nullable": true, "description": "Stored orders (named for the seed's clients)"},
                  "store": {"type": "string", "enum": ["ok", "unavailable"]},
                  "lag": {"type": "integer", "nullable": true},
                  "partitions": {"type": "array", "items": {"$ref": "#/components/schemas/PartitionHealth"}},
                  "dead_letters": {"type": "object"},
                  "problems": {"type": "array", "items": {"type": "string"}}
                }
              },
              "Errors": {
                "type": "object",
                "required": ["errors"],
                "properties": {"errors": {"type": "array", "minItems": 1, "items": {"type": "string"}}}
              }
            },
            "responses": {
              "Unauthorized": {"description": "No credentials, or credentials that are unknown, expired or malformed (only when authentication is configured)", "headers": {"WWW-Authenticate": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}},
              "Forbidden": {"description": "Valid credentials without the role this operation needs", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}},
              "TooManyRequests": {"description": "Past the rate limit (RATE_LIMIT_RPS); retry after Retry-After seconds", "headers": {"Retry-After": {"schema": {"type": "integer"}}, "RateLimit-Limit": {"schema": {"type": "integer"}}, "RateLimit-Remaining": {"schema": {"type": "integer"}}, "RateLimit-Reset": {"schema": {"type": "integer"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}},
              "BadRequest": {"description": "Invalid request; every problem is listed", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}},
              "NotFound": {"description": "No such order", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}},
              "Unavailable": {
                "description": "The order store cannot be read; retry after the delay in Retry-After",
                "headers": {"Retry-After": {"schema": {"type": "integer"}}},
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}
              }
            }
          }
        }
        """#
}
