import { METER_TICKS_DB, meterFraction } from './meterBallistics';

export interface MeterScaleProps {
  readonly className?: string;
}

/** The dB scale under a horizontal level meter: METER_TICKS_DB at their places on the bar (meterBallistics.ts). */
export function MeterScale({ className = '' }: MeterScaleProps) {
  return (
    <div className={`meter-scale ${className}`} aria-hidden="true">
      {METER_TICKS_DB.map((db) => (
        <span key={db} className="meter-scale-tick" style={{ left: `${(meterFraction(db) * 100).toFixed(2)}%` }}>
          {db}
        </span>
      ))}
    </div>
  );
}
