import type { AnalysisReport } from './analysisReport';

/**
 * The report as JSON (its shape is documented in analysisReport.ts), indented for
 * reading and diffing. The meters floor at -150 rather than -Infinity, so every number
 * survives JSON as it is.
 */
export function renderJsonReport(report: AnalysisReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
