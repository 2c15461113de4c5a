/** Public API of compliance reporting: monthly SLA compliance, uptime, service credits and statements. */
export { summarizeCompliance, summarizeCounted, ComplianceAccumulator, countedCycles, nearestRank, percentOf, monthOf, type ComplianceRow, type CountedCycle } from './summary';
export { computeUptime, DEFAULT_CREDIT_THRESHOLDS, type Outage, type CreditThreshold, type UptimeReport } from './uptime';
export {
  creditStatement, validateCreditRules, monthBounds, DEFAULT_CREDIT_RULES, MAX_CREDIT_RULES,
  type CreditRules, type CreditRuleError, type CreditRuleErrorCode, type CreditStatement, type OutageEvidence,
} from './credits';
export { validateOutage, outagesFor, MAX_OUTAGE_MS, MAX_DESCRIPTION_LENGTH, type OutageRecord, type OutageError, type OutageErrorCode } from './outages';
