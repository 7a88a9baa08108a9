print("avro-benchmark")
