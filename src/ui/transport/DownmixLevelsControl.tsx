import { DOWNMIX_LEVEL_FIELDS, withDownmixLevel } from '../../core/outputs/downmixLevelSettings';
import { DOWNMIX_LEVELS_DB } from '../../core/outputs/downmixOutputs';
import { downmixLevelsOf } from '../../state/slices/monitorSlice';
import { useStudioStore, useStudioStoreApi } from '../../state/StudioStoreProvider';
import { formatDb } from '../format';

export interface DownmixLevelsControlProps {
  /** Prefix of each select's test id: `<prefix>-loro-centre`, `<prefix>-ltrt-surround`, ... (the command line's flag names). */
  readonly testIdPrefix: string;
  readonly className?: string;
}

/**
 * The session's Lo/Ro and Lt/Rt centre and surround levels, each a select of -6 to +3 dB
 * in 1.5 dB steps: what a monitored downmix plays and an exported one holds, as the
 * command line's --loro-centre, --loro-surround, --ltrt-centre and --ltrt-surround.
 */
export function DownmixLevelsControl({ testIdPrefix, className = '' }: DownmixLevelsControlProps) {
  const store = useStudioStoreApi();
  const levels = useStudioStore((s) => downmixLevelsOf(s.monitor));
  return (
    <div className={`downmix-levels ${className}`} role="group" aria-label="Downmix levels">
      {DOWNMIX_LEVEL_FIELDS.map((field) => (
        <label key={field.flag} className="downmix-level" title={`${field.label} level of the downmix (render's ${field.flag})`}>
          {field.label}
          <select
            data-testid={`${testIdPrefix}-${field.flag.slice(2)}`}
            value={String(levels[field.matrix][field.level])}
            onChange={(event) => store.getState().setDownmixLevels(withDownmixLevel(levels, field, Number(event.target.value)))}
          >
            {DOWNMIX_LEVELS_DB.map((levelDb) => (
              <option key={levelDb} value={String(levelDb)}>
                {formatDb(levelDb)} dB
              </option>
            ))}
          </select>
        </label>
      ))}
    </div>
  );
}
