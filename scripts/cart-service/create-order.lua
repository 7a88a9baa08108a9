-- wrk script: POST /create-order with a fresh orderId per request (the Order Service would
-- dead-letter duplicates; the Cart Service does not care, but the load should be realistic).
-- WRK_DELAY_MS (env) paces each connection: with C connections the rate is at most C*1000/delay.
local counter = 0
local prefix = ""
local pause = tonumber(os.getenv("WRK_DELAY_MS") or "0")

function setup(thread)
    counter = counter + 1
    thread:set("id", counter)
end

function init(args)
    prefix = "BENCH-" .. tostring(id) .. "-" .. tostring(math.random(1, 1000000000)) .. "-"
    counter = 0
end

function delay()
    return pause
end

function request()
    counter = counter + 1
    local body = '{"orderId": "' .. prefix .. counter .. '", "itemsCount": 3}'
    return wrk.format("POST", "/create-order", {["Content-Type"] = "application/json"}, body)
end

function done(summary, latency, requests)
    local non2xx = summary.errors.status
    io.write(string.format("RESULT requests=%d duration_s=%.3f rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
        summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, non2xx,
        summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
