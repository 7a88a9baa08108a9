-- wrk script: POST /create-order with a fresh orderId per request, so that the Order Service, when it
-- runs behind, sees realistic traffic rather than duplicates.
--   WRK_DELAY_MS (env) pauses each connection after an answer: a closed loop, so C connections make
--     about C * 1000 / (delay + latency) requests per second.
--   WRK_API_KEY (env), when set, is sent as X-API-Key (wrk's -H is ignored by a script's own headers).
--   WRK_RUN (env) tells runs apart in the random seed: LuaJIT's math.random is unseeded, and two runs
--     would otherwise reuse the same orderIds.
-- Prints a RESULT line and a NON201 line (wrk's own error count covers only statuses >= 400).
local counter = 0
local prefix = ""
local pause = tonumber(os.getenv("WRK_DELAY_MS") or "0")
local threads = {}
local headers = {["Content-Type"] = "application/json"}
if os.getenv("WRK_API_KEY") then headers["X-API-Key"] = os.getenv("WRK_API_KEY") end

function setup(thread)
    thread:set("id", #threads + 1)
    thread:set("non201", 0)
    table.insert(threads, thread)
end

function init(args)
    math.randomseed(os.time() * 1000 + id * 7919 + tonumber(os.getenv("WRK_RUN") or "0"))
    prefix = "BENCH-" .. tostring(id) .. "-" .. tostring(math.random(1, 1000000000)) .. "-"
    counter = 0
end

function delay()
    return pause
end

function request()
    counter = counter + 1
    local body = '{"orderId": "' .. prefix .. counter .. '", "itemsCount": 3}'
    return wrk.format("POST", "/create-order", headers, body)
end

function response(status, headers, body)
    if status ~= 201 then non201 = non201 + 1 end
end

function done(summary, latency, requests)
    local non201 = 0
    for _, thread in ipairs(threads) do non201 = non201 + thread:get("non201") end
    io.write(string.format("RESULT requests=%d duration_s=%.3f rps=%.1f p50_ms=%.2f p99_ms=%.2f non201=%d socket_errors=%d\n",
        summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, non201,
        summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
    io.write(string.format("NON201 %d\n", non201))
end
