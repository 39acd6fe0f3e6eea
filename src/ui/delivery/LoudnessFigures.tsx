import type { RenderLoudness } from '../../core/delivery/atmosMusicDelivery';

export interface LoudnessFiguresProps {
  readonly loudness: RenderLoudness;
}

/** One render's integrated loudness and true peak, to 0.01 (the rules' own text rounds to 0.1), as a term and its description. */
export function LoudnessFigures({ loudness }: LoudnessFiguresProps) {
  return (
    <>
      <dt>{loudness.render}</dt>
      <dd data-testid={`delivery-loudness-${loudness.render}`}>
        {figure(loudness.integratedLkfs)} LKFS, true peak {figure(loudness.truePeakDbtp)} dBTP
      </dd>
    </>
  );
}

function figure(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : value > 0 ? '+inf' : '-inf';
}
