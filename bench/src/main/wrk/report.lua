-- wrk script: print the summary as one machine-readable line (bench/run parses it).
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("WRK requests=%d duration_us=%d bytes=%d errors_status=%d errors_socket=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.duration, summary.bytes, summary.errors.status, errors,
    latency:percentile(50), latency:percentile(99)))
end
