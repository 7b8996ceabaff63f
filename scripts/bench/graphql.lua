-- wrk script: POSTs one GraphQL request (BODY, optional TOKEN) and counts responses that carry
-- GraphQL errors, so a benchmark of failing requests cannot pass for a fast one.
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    wrk.method = "POST"
    wrk.body = os.getenv("BODY")
    wrk.headers["Content-Type"] = "application/json"
    local token = os.getenv("TOKEN")
    if token ~= nil and token ~= "" then
        wrk.headers["Authorization"] = "Bearer " .. token
    end
    graphql_errors = 0
end

function response(status, headers, body)
    if string.find(body, '"errors"', 1, true) then
        graphql_errors = graphql_errors + 1
    end
end

function done(summary, latency, requests)
    local errors = 0
    for _, thread in ipairs(threads) do
        errors = errors + thread:get("graphql_errors")
    end
    io.write(string.format(
        "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d graphql_errors=%d\n",
        summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000, summary.errors.status,
        summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
        errors))
end
