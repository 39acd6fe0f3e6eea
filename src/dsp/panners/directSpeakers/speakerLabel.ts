/**
 * The BS.2051 label an ADM `speakerLabel` names: the label itself, the last part of an
 * ITU URN ("urn:itu:bs:2051:0:speaker:M+030" is M+030), and the LFE spellings BS.2127
 * section 8 accepts: "LFE" and "LFEL" are LFE1, "LFER" is LFE2.
 */
const LFE_SPELLINGS: Readonly<Record<string, string>> = { LFE: 'LFE1', LFEL: 'LFE1', LFER: 'LFE2' };
const SPEAKER_URN = /^urn:itu:bs:2051:[0-9]+:speaker:(.*)$/;

export function bs2051Label(speakerLabel: string): string {
  const label = SPEAKER_URN.exec(speakerLabel)?.[1] ?? speakerLabel;
  return LFE_SPELLINGS[label] ?? label;
}
