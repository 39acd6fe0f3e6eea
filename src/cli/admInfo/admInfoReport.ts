import type { AdmChannelSummary, AdmSummary } from '../../io/adm/admSummary';
import { shownText } from '../terminalText';

/** BS.2094's common definitions write labels as URNs (urn:itu:bs:2051:0:speaker:M+030): shown as the label. */
function shortLabel(label: string): string {
  return label.replace(/^urn:itu:bs:2051:\d+:speaker:/, '');
}

function seconds(value: number): string {
  return `${value.toFixed(3)} s`;
}

function channelLine(c: AdmChannelSummary): string {
  const what =
    c.type === 'Objects'
      ? `${c.blockCount} block${c.blockCount === 1 ? '' : 's'}${c.spanSec === undefined ? ' (static)' : `, ${seconds(c.spanSec[0])} to ${seconds(c.spanSec[1])}`}`
      : c.type === 'DirectSpeakers'
        ? `speaker ${(c.speakerLabels ?? []).map((l) => shownText(shortLabel(l))).join(', ') || '(no label)'}`
        : c.type === 'HOA' && c.hoa !== undefined
          ? `order ${c.hoa.order}, degree ${c.hoa.degree}${c.hoa.normalization === undefined ? '' : ` (${shownText(c.hoa.normalization)})`}`
          : `${c.blockCount} block${c.blockCount === 1 ? '' : 's'}`;
  return `    channel ${c.channel + 1}: ${c.type} ${shownText(c.channelFormatId)} "${shownText(c.channelFormatName)}", ${what}`;
}

/** The lines `npm run adm:info` prints for one file: its format, programmes, then each object with its channels. */
export function admInfoLines(file: string, summary: AdmSummary): string[] {
  const lines = [`${shownText(file)}: ADM BWF, ${summary.channelCount} channels at ${summary.sampleRateHz} Hz, ${seconds(summary.durationSec)}`];
  if (summary.programmes.length === 0) lines.push('  no audioProgramme');
  for (const p of summary.programmes) lines.push(`  programme ${shownText(p.id)} "${shownText(p.name)}": ${p.objectIds.map((id) => shownText(id)).join(', ') || 'no objects'}`);
  for (const o of summary.objects) {
    const hoaOrders = o.channels.flatMap((c) => (c.hoa === undefined ? [] : [c.hoa.order]));
    const hoa = hoaOrders.length === 0 ? '' : `, HOA order ${Math.max(...hoaOrders)}`;
    lines.push(`  object ${shownText(o.id)} "${shownText(o.name)}" (${o.packFormatIds.map((id) => shownText(id)).join(', ')}), ${o.channels.length} channel${o.channels.length === 1 ? '' : 's'}${hoa}`);
    for (const c of o.channels) lines.push(channelLine(c));
  }
  return lines;
}
