import Prometheus

extension MetricNameDescriptor {
    /// A metric under its whole name, unit suffix included (`_total`, `_seconds`), exactly as dashboards
    /// and alerts query it; `help` becomes its `# HELP` line.
    public static func metric(_ name: String, help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }
}
