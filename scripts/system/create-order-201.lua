-- wrk script for the whole-system benchmark: scripts/cart-service/create-order.lua (POST /create-order,
-- fresh orderId per request, WRK_DELAY_MS pacing) plus two things:
--   * a random seed per run and thread (LuaJIT's math.random is unseeded, so two runs would reuse
--     the same orderIds and the Order Service would dead-letter the second run's orders as duplicates);
--   * a count of answers that are not 201 (wrk's own non2xx counts only >= 400), printed as NON201.
dofile(os.getenv("CREATE_ORDER_LUA"))

local threads = {}
local base_setup, base_init, base_done = setup, init, done

function setup(thread)
    base_setup(thread)
    thread:set("non201", 0)
    table.insert(threads, thread)
end

function init(args)
    math.randomseed(os.time() * 1000 + id * 7919 + tonumber(os.getenv("WRK_RUN") or "0"))
    base_init(args)
end

function response(status, headers, body)
    if status ~= 201 then non201 = non201 + 1 end
end

function done(summary, latency, requests)
    base_done(summary, latency, requests)
    local total = 0
    for _, thread in ipairs(threads) do total = total + thread:get("non201") end
    io.write(string.format("NON201 %d\n", total))
end
