/**
 * What the SOFA reader (sofa.ts) accepts, checked against the file's declared shapes and
 * values before the arrays they describe are read or allocated.
 *
 * - Sample rate: whole hertz from MIN_FILE_SAMPLE_RATE_HZ to MAX_FILE_SAMPLE_RATE_HZ
 *   (core/pcm.ts, 8 kHz to 384 kHz), as for audio files.
 * - Measurements M: at least MIN_SOFA_MEASUREMENTS, the fewest directions that, with the
 *   virtual poles hrtfGrid.ts adds, can be triangulated over the sphere (three around the
 *   horizon and two poles); at most MAX_SOFA_MEASUREMENTS, the largest published grids
 *   (SADIE II 8,802, FABIAN 11,950) and no more: preparing and triangulating cost grows
 *   with the square of M (about 30 s at 8,000).
 * - IR length N, with the delays added: at most MAX_SOFA_IR_LENGTH samples (85 ms at
 *   384 kHz; measured HRIRs are 128 to 2,048 taps), and M x 2 x N at most
 *   MAX_SOFA_IR_VALUES (128 MiB as float64).
 * - Delays (Data.Delay): from 0 to MAX_SOFA_DELAY_SEC, the travel time of sound over about
 *   3.4 m plus the largest interaural delay; a larger one is not a measurement's delay.
 */
export const MIN_SOFA_MEASUREMENTS = 3;
export const MAX_SOFA_MEASUREMENTS = 12_000;
export const MAX_SOFA_IR_LENGTH = 32_768;
export const MAX_SOFA_IR_VALUES = 2 ** 24;
export const MAX_SOFA_DELAY_SEC = 0.01;
