/** Public API of compliance reporting: monthly SLA compliance and uptime credits. */
export { summarizeCompliance, type ComplianceRow } from './summary';
export { computeUptime, DEFAULT_CREDIT_THRESHOLDS, type Outage, type CreditThreshold, type UptimeReport } from './uptime';
