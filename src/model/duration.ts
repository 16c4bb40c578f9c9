/**
 * Speaking slots and times: parsing what people write in front matter and config (`90s`, `3m`,
 * `2m30s`, `3:00`, `180`) and printing seconds the way a chair's clock shows them (`3:00`).
 */
import { own } from './own.js';

const UNIT_SECONDS: Record<string, number> = {
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
};

const CLOCK = /^(?:(\d+):)?(\d+):([0-5]\d)$/;
const PART = /(\d+(?:\.\d+)?)\s*([a-z]+)/gy;

/** Parses a duration (`90s`, `3m`, `2m30s`, `3 min`, `3:00`, `1:02:30`, or a number of seconds); `undefined` if it is none. */
export function parseDurationSeconds(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  if (text === '') return undefined;
  if (/^\d+(?:\.\d+)?$/.test(text)) return positive(Number(text));
  const clock = CLOCK.exec(text);
  if (clock) return positive(Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]));
  let seconds = 0;
  PART.lastIndex = 0;
  let end = 0;
  for (let match = PART.exec(text); match; match = PART.exec(text)) {
    const unit = own(UNIT_SECONDS, match[2]!);
    if (unit === undefined) return undefined;
    seconds += Number(match[1]) * unit;
    end = PART.lastIndex;
    while (text[end] === ' ') end += 1;
    PART.lastIndex = end;
  }
  return end === text.length ? positive(seconds) : undefined;
}

function positive(seconds: number): number | undefined {
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

/** Formats seconds as a clock reading, `m:ss` (or `h:mm:ss`), rounding to the nearest second. */
export function formatClock(seconds: number): string {
  const total = Math.round(Math.abs(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = String(total % 60).padStart(2, '0');
  const sign = seconds < 0 && total > 0 ? '-' : '';
  return hours > 0 ? `${sign}${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${sign}${minutes}:${rest}`;
}

/** Formats a margin against a slot with its sign, `+0:12` (time left) or `-0:08` (over). */
export function formatMargin(seconds: number): string {
  const rounded = Math.round(seconds);
  return `${rounded < 0 ? '-' : '+'}${formatClock(Math.abs(rounded))}`;
}
