package dev.chaosharness.core.report;

/** The report's inline style sheet: one constant, so the page needs nothing from the network. */
final class ReportStyle {

  /** The CSS inlined into every report's {@code <style>} element. */
  static final String CSS = """
      :root { color-scheme: light; --ok: #15803d; --bad: #b91c1c; --muted: #6b7280; --line: #e5e7eb; }
      * { box-sizing: border-box; }
      body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111827;
        background: #ffffff; margin: 0 auto; padding: 24px; max-width: 1100px; }
      h1 { font-size: 24px; margin: 0 0 4px; overflow-wrap: anywhere; }
      h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
      h3 { font-size: 15px; margin: 16px 0 6px; }
      .description { color: #374151; margin: 0 0 12px; overflow-wrap: anywhere; }
      .empty, .more { color: var(--muted); font-style: italic; }
      .verdict { border-radius: 6px; padding: 10px 14px; margin: 12px 0; color: #fff; }
      .verdict.passed { background: var(--ok); }
      .verdict.failed { background: var(--bad); }
      .verdict-label { font-size: 22px; font-weight: 700; letter-spacing: .04em; }
      .reasons { margin: 4px 0 0; padding-left: 20px; overflow-wrap: anywhere; }
      .facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; }
      .facts dt { color: var(--muted); }
      .facts dd { margin: 0; overflow-wrap: anywhere; }
      table { border-collapse: collapse; margin: 6px 0 10px; width: 100%; }
      th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top;
        overflow-wrap: anywhere; }
      th { background: #f3f4f6; font-weight: 600; }
      pre { margin: 0; max-height: 12em; overflow: auto; white-space: pre-wrap; font-size: 12px; }
      code { font-size: 12px; }
      .badge { display: inline-block; border-radius: 4px; padding: 0 6px; color: #fff; font-size: 12px; font-weight: 600; }
      .badge.ok { background: var(--ok); }
      .badge.bad { background: var(--bad); }
      .chart-figure { margin: 8px 0 16px; }
      figcaption { font-weight: 600; margin-bottom: 2px; }
      .legend { font-weight: 400; font-size: 12px; margin-left: 10px; padding-left: 14px; border-left: 10px solid; }
      svg.chart, svg.phase-bar { width: 100%; height: auto; display: block; }
      .grid { stroke: var(--line); stroke-width: 1; }
      .tick, .unit { font-size: 11px; fill: var(--muted); }
      .tick-y, .unit { text-anchor: end; }
      .tick-x { text-anchor: middle; }
      .frame { fill: none; stroke: #9ca3af; }
      .fault-window { fill: #f59e0b; fill-opacity: .2; stroke: #d97706; stroke-opacity: .6; }
      .fault-label { font-size: 11px; fill: #92400e; }
      .line { fill: none; stroke-width: 1.8; stroke-linejoin: round; }
      .s-rate { stroke: #2563eb; border-color: #2563eb; fill: #2563eb; }
      .s-success { stroke: #15803d; border-color: #15803d; fill: #15803d; }
      .s-p50 { stroke: #2563eb; border-color: #2563eb; fill: #2563eb; }
      .s-p99 { stroke: #b91c1c; border-color: #b91c1c; fill: #b91c1c; }
      .line.s-rate, .line.s-success, .line.s-p50, .line.s-p99 { fill: none; }
      .marker { stroke-width: 1.5; stroke-dasharray: 5 3; }
      .marker-label { font-size: 11px; font-weight: 600; }
      .marker-detected { stroke: #b91c1c; fill: #b91c1c; }
      .marker-recovered { stroke: #15803d; fill: #15803d; }
      text.marker-label { stroke: none; }
      .hover-column { fill: transparent; }
      .hover-column:hover { fill: rgba(17, 24, 39, .07); }
      .phase { stroke: #fff; stroke-width: 1; }
      .phase-label { font-size: 11px; fill: #111827; text-anchor: middle; }
      .phase-environment { fill: #e5e7eb; } .phase-warm-up { fill: #dbeafe; } .phase-baseline { fill: #bfdbfe; }
      .phase-inject { fill: #fde68a; } .phase-observe { fill: #fcd34d; } .phase-revert { fill: #bbf7d0; }
      .phase-recover { fill: #86efac; } .phase-drain-and-check { fill: #ddd6fe; } .phase-report { fill: #e5e7eb; }
      .phase-list { columns: 3; margin: 4px 0; font-size: 12px; color: #374151; }
      .anomalies > li { margin-bottom: 8px; }
      .anomaly .kind { font-weight: 700; color: var(--bad); }
      .anomaly .checker { color: var(--muted); }
      .explanation { overflow-wrap: anywhere; }
      .evidence { margin: 2px 0; font-size: 12px; }
      footer { margin-top: 32px; color: var(--muted); font-size: 12px; overflow-wrap: anywhere; }
      """;

  private ReportStyle() {}
}
