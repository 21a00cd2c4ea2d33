package dev.likelihood.spark;

import org.apache.spark.sql.SparkSession;

/** The tests' Spark: local mode on two threads, no UI, few shuffle partitions. */
final class LocalSpark {

  private LocalSpark() {}

  static SparkSession start() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("likelihood-spark-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }
}
