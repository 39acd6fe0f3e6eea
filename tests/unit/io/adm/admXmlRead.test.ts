import { describe, expect, it } from 'vitest';
import { readAdmXml } from '../../../../src/io/adm/admXmlRead';

/** A BS.2076-2 document in its own root (ituADM), written by hand with every block field the model holds. */
const DOCUMENT = `<?xml version="1.0" encoding="UTF-8"?>
<ituADM xmlns="urn:metadata-schema:adm">
 <coreMetadata><format><audioFormatExtended version="ITU-R_BS.2076-2">
  <audioContent audioContentID="ACO_1001" audioContentName="c"><audioObjectIDRef>AO_1001</audioObjectIDRef><dialogue nonDialogueContentKind="1">2</dialogue></audioContent>
  <audioObject audioObjectID="AO_1001" audioObjectName="A &amp; B" start="00:00:01.5" importance="7" interact="1">
   <audioPackFormatIDRef>AP_00031001</audioPackFormatIDRef>
   <gain gainUnit="dB">-6</gain>
   <audioTrackUIDRef>ATU_00000001</audioTrackUIDRef>
  </audioObject>
  <audioPackFormat audioPackFormatID="AP_00031001" audioPackFormatName="p" typeLabel="0003">
   <audioChannelFormatIDRef>AC_00031001</audioChannelFormatIDRef>
   <absoluteDistance>4.5</absoluteDistance>
  </audioPackFormat>
  <audioChannelFormat audioChannelFormatID="AC_00031001" audioChannelFormatName="c" typeDefinition="Objects">
   <audioBlockFormat audioBlockFormatID="AB_00031001_00000001" rtime="00:00:00.00000" duration="00:00:00.24000S48000">
    <cartesian>1</cartesian>
    <position coordinate="X">-0.25</position>
    <position coordinate="Y">1</position>
    <position coordinate="Z">0.5</position>
    <gain gainUnit="dB">-20</gain>
    <width>0.1</width><height>0.2</height><depth>0.3</depth>
    <diffuse>0.4</diffuse>
    <channelLock maxDistance="0.7">1</channelLock>
    <objectDivergence azimuthRange="45" positionRange="0.2">0.6</objectDivergence>
    <jumpPosition interpolationLength="0.05">1</jumpPosition>
    <zoneExclusion>
     <zone minX="-1" maxX="-0.5" minY="-1" maxY="0" minZ="0" maxZ="1">left back</zone>
     <zone minElevation="30" maxElevation="90" minAzimuth="-180" maxAzimuth="180"/>
    </zoneExclusion>
    <screenRef>0</screenRef>
    <importance>9</importance>
    <headLocked>1</headLocked>
    <headphoneVirtualise bypass="0" DRR="12"/>
   </audioBlockFormat>
  </audioChannelFormat>
  <audioChannelFormat audioChannelFormatID="AC_00011001" audioChannelFormatName="d" typeLabel="0001" typeDefinition="DirectSpeakers">
   <audioBlockFormat audioBlockFormatID="AB_00011001_00000001">
    <speakerLabel>M+SC</speakerLabel>
    <cartesian>1</cartesian>
    <position coordinate="X">0.3</position>
    <position coordinate="X" bound="min">0.2</position>
    <position coordinate="Y">1</position>
    <position coordinate="Z">0</position>
   </audioBlockFormat>
   <frequency typeDefinition="highPass">20</frequency>
  </audioChannelFormat>
  <audioChannelFormat audioChannelFormatID="AC_00041001" audioChannelFormatName="h" typeDefinition="HOA">
   <audioBlockFormat audioBlockFormatID="AB_00041001_00000001">
    <order>2</order><degree>-2</degree><normalization>N3D</normalization><nfcRefDist>1.5</nfcRefDist><screenRef>1</screenRef>
   </audioBlockFormat>
  </audioChannelFormat>
  <audioTrackUID UID="ATU_00000001" sampleRate="48000" bitDepth="24">
   <audioChannelFormatIDRef>AC_00031001</audioChannelFormatIDRef>
   <audioPackFormatIDRef>AP_00031001</audioPackFormatIDRef>
  </audioTrackUID>
 </audioFormatExtended></format></coreMetadata>
</ituADM>`;

describe('readAdmXml', () => {
  const document = readAdmXml(DOCUMENT, 'hand.xml');

  it('reads an object with a dB gain (-6 dB = 0.50119 linear, within 1e-5), its start, importance and interact', () => {
    const [object] = document.objects;
    expect(object).toMatchObject({ id: 'AO_1001', name: 'A & B', start: 1.5, importance: 7, interact: true, packFormatIds: ['AP_00031001'], trackUidIds: ['ATU_00000001'] });
    expect(Math.abs(object!.gain! - 0.50119)).toBeLessThan(1e-5);
    expect(document.packFormats[0]).toMatchObject({ type: 'Objects', absoluteDistance: 4.5 });
    expect(document.contents).toEqual([{ id: 'ACO_1001', name: 'c', objectIds: ['AO_1001'], dialogue: 2 }]);
  });

  it('reads every Objects block field as written (gain -20 dB = 0.1)', () => {
    const block = document.channelFormats[0]!.blocks[0]!;
    expect(block).toEqual({
      type: 'Objects',
      id: 'AB_00031001_00000001',
      rtime: 0,
      duration: 0.5,
      position: { coordinates: 'cartesian', x: -0.25, y: 1, z: 0.5 },
      gain: 10 ** (-20 / 20),
      width: 0.1,
      height: 0.2,
      depth: 0.3,
      diffuse: 0.4,
      jumpPosition: { flag: true, interpolationLength: 0.05 },
      channelLock: { flag: true, maxDistance: 0.7 },
      objectDivergence: { value: 0.6, azimuthRange: 45, positionRange: 0.2 },
      zoneExclusion: [
        { coordinates: 'cartesian', minX: -1, maxX: -0.5, minY: -1, maxY: 0, minZ: 0, maxZ: 1 },
        { coordinates: 'polar', minElevation: 30, maxElevation: 90, minAzimuth: -180, maxAzimuth: 180 },
      ],
      screenRef: false,
      importance: 9,
      headLocked: true,
      headphoneVirtualise: { bypass: false, directToReverberantRatio: 12 },
    });
  });

  it('reads a Cartesian DirectSpeakers block with a bound, a high-pass, and an HOA block', () => {
    expect(document.channelFormats[1]).toMatchObject({
      type: 'DirectSpeakers',
      highPassHz: 20,
      blocks: [{ speakerLabels: ['M+SC'], position: { coordinates: 'cartesian', x: { value: 0.3, min: 0.2 }, y: { value: 1 }, z: { value: 0 } } }],
    });
    expect(document.channelFormats[2]!.blocks[0]).toEqual({ type: 'HOA', id: 'AB_00041001_00000001', order: 2, degree: -2, normalization: 'N3D', nfcRefDist: 1.5, screenRef: true });
    expect(document.trackUids[0]).toEqual({ id: 'ATU_00000001', sampleRateHz: 48000, bitDepth: 24, channelFormatId: 'AC_00031001', packFormatId: 'AP_00031001' });
  });

  it.each([
    ['<position coordinate="X">-0.25</position>', '<position coordinate="X">-1.25</position>', /^bad\.xml: 17:5: audioBlockFormat AB_00031001_00000001: position X is -1.25 \(expected -1 to 1\)$/],
    ['duration="00:00:00.24000S48000"', 'duration="00:00:00.48000S48000"', /^bad\.xml: 15:4: audioBlockFormat AB_00031001_00000001: attribute duration is "00:00:00.48000S48000" \(expected a time/],
    ['<order>2</order><degree>-2</degree>', '<order>1</order><degree>-2</degree>', /audioBlockFormat AB_00041001_00000001: HOA order 1, degree -2 \(expected integers with \|degree\| <= order\)/],
    ['typeLabel="0001" typeDefinition="DirectSpeakers"', 'typeLabel="0003" typeDefinition="DirectSpeakers"', /audioChannelFormat AC_00011001: typeDefinition DirectSpeakers and typeLabel 0003 disagree \(0003 is Objects\)/],
    ['<diffuse>0.4</diffuse>', '<diffuse>lots</diffuse>', /^bad\.xml: 22:5: audioBlockFormat AB_00031001_00000001: <diffuse> is "lots" \(expected a number\)$/],
    ['audioChannelFormatID="AC_00041001"', 'audioChannelFormatID="AC_00011001"', /audioChannelFormat AC_00011001 is defined twice \(expected unique IDs\)/],
    ['<jumpPosition interpolationLength="0.05">1</jumpPosition>', '<jumpPosition interpolationLength="0.05">yes</jumpPosition>', /<jumpPosition> is "yes" \(expected 0 or 1\)/],
  ])('refuses %s changed to %s, naming line:column and the element', (from, to, message) => {
    expect(() => readAdmXml(DOCUMENT.replace(from, to), 'bad.xml')).toThrow(message);
  });

  it('refuses a document without audioFormatExtended', () => {
    expect(() => readAdmXml('<ebuCoreMain><coreMetadata/></ebuCoreMain>', 'x.xml')).toThrow('x.xml: no <audioFormatExtended> element (expected ADM metadata, ITU-R BS.2076)');
  });
});
