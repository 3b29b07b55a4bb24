-- DuckDB's own memory in use (its buffer pool and allocations), in MB: what the --memory-limit caps.
SELECT round(sum(memory_usage_bytes) / 1048576) AS mb FROM duckdb_memory()
