import { readFileSync } from 'node:fs';
import type { ObjectBlock } from '../../../../../src/dsp/panners/objectGains/objectBlock';

/** Reads the EAR reference data of tests/fixtures/ear/gainCalc (README.md there). */

/** EAR's BS.2051 layouts, and 2+7+0 built for EAR by the generator (its README). */
export const EAR_LAYOUT_NAMES = ['0+2+0', '0+5+0', '2+5+0', '4+5+0', '4+5+1', '3+7+0', '4+9+0', '9+10+3', '0+7+0', '4+7+0', '2+7+0'] as const;

export interface EarChannel {
  readonly label: string;
  readonly azimuthDeg: number;
  readonly elevationDeg: number;
  readonly isLfe: boolean;
}

export interface EarGainCase {
  readonly feature: string;
  readonly block: ObjectBlock;
  readonly direct: readonly number[];
  readonly diffuse: readonly number[];
}

export interface EarLayoutFixture {
  readonly layout: string;
  readonly channels: readonly EarChannel[];
  readonly cases: readonly EarGainCase[];
}

export interface EarConversionCase {
  readonly polar: readonly number[];
  readonly cartesian: readonly number[];
  readonly fromCartesian?: boolean;
}

function readFixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../../../fixtures/ear/gainCalc/${name}`, import.meta.url), 'utf8'));
}

export function readEarLayoutFixture(layoutName: string): EarLayoutFixture {
  return readFixture(`${layoutName}.json`) as EarLayoutFixture;
}

export function readEarConversionCases(): readonly EarConversionCase[] {
  return (readFixture('conversion.json') as { cases: EarConversionCase[] }).cases;
}
