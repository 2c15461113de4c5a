export type { Instant } from './instant';
export { zoneOf, isKnownZone, offsetAt, toLocal, fromLocal } from './zone';
export {
  MS_PER_SECOND, MS_PER_MINUTE, MS_PER_HOUR, MS_PER_DAY, parseWallTime, dayNumber, parseLocalDate,
  formatLocalDate, weekdayIndex, yearOfDay, yearStart, yearOf,
} from './local';
