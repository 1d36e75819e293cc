-- Appended to every script: one machine-readable line at the end of the run.
done = function(summary, latency, requests)
   local non2xx = summary.errors.status
   local failed = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
   io.write(string.format("RESULT rps=%.1f p50_ms=%.3f p99_ms=%.3f non2xx=%d socket_errors=%d requests=%d\n",
      summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      non2xx, failed, summary.requests))
end
