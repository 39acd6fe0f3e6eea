import { describe, expect, it } from 'vitest';
import { admHoaStem } from '../../../src/adm/hoaPacks';
import type { AdmChannelFormat, AdmPackFormat } from '../../../src/core/adm/admModel';
import { readAdmXml } from '../../../src/io/adm/admXmlRead';

const pack: AdmPackFormat = { id: 'AP_00041001', name: 'hoa', type: 'HOA', channelFormatIds: [], packFormatIds: [] };

/** An HOA channel of order n, degree m, its samples all n * 10 + m (so the ACN order is visible). */
function track(n: number, m: number, normalization?: string): { channelFormat: AdmChannelFormat; samples: Float32Array } {
  const id = `AC_0004100${n * n + n + m}`;
  return {
    channelFormat: { id, name: id, type: 'HOA', blocks: [{ type: 'HOA', id: `AB${id.slice(2)}_00000001`, order: n, degree: m, ...(normalization === undefined ? {} : { normalization }) }] },
    samples: new Float32Array(4).fill(n * 10 + m),
  };
}

describe('admHoaStem (an ADM HOA pack as a scene HOA stem)', () => {
  it('puts the channels in ACN order whatever the file order, SN3D when nothing says otherwise', () => {
    const stem = admHoaStem('f.wav', 'AO_1', pack, [track(0, 0), track(1, 1), track(1, -1), track(1, 0)]);
    expect(stem.order).toBe(1);
    expect(stem.normalization).toBe('SN3D');
    expect(stem.channels.map((c) => c[0])).toEqual([0, 9, 10, 11]);
    expect(stem.warnings).toEqual([]);
  });

  it('takes the pack normalisation when the blocks give none, the blocks\' over the pack\'s', () => {
    expect(admHoaStem('f.wav', 'AO_1', { ...pack, normalization: 'N3D' }, [track(0, 0)]).normalization).toBe('N3D');
    expect(admHoaStem('f.wav', 'AO_1', { ...pack, normalization: 'N3D' }, [track(0, 0, 'FuMa')]).normalization).toBe('FuMa');
  });

  it('refuses a channel count that is not (N + 1)^2, naming the pack and the missing components', () => {
    expect(() => admHoaStem('f.wav', 'AO_1', pack, [track(0, 0), track(1, -1), track(1, 1)])).toThrow(
      'f.wav: audioPackFormat AP_00041001 (audioObject AO_1): 3 HOA channels for order 1 (expected (order + 1)^2 = 4, every component of orders 0 to 1; missing order 1 degree 0)',
    );
  });

  it('refuses a component twice, an unknown normalisation and mixed normalisations, naming the channel format', () => {
    expect(() => admHoaStem('f.wav', 'AO_1', pack, [track(0, 0), track(0, 0)])).toThrow(/audioPackFormat AP_00041001 \(audioObject AO_1\): order 0 degree 0 twice/);
    expect(() => admHoaStem('f.wav', 'AO_1', pack, [track(0, 0, 'maxN')])).toThrow('f.wav: audioChannelFormat AC_00041000 normalization: expected one of SN3D, N3D, FuMa, got "maxN"');
    expect(() => admHoaStem('f.wav', 'AO_1', pack, [track(0, 0, 'SN3D'), track(1, -1, 'N3D'), track(1, 0), track(1, 1)])).toThrow(
      'f.wav: audioChannelFormat AC_00041001 normalization: expected the pack\'s channels to share one normalisation (SN3D, as AC_00041000), got N3D',
    );
  });

  it('warns of what it does not render: nfcRefDist, screenRef, blocks after the first', () => {
    const w = track(0, 0);
    const block = { type: 'HOA' as const, id: 'AB_00041000_00000001', order: 0, degree: 0, nfcRefDist: 2, screenRef: true };
    const stem = admHoaStem('f.wav', 'AO_1', pack, [{ ...w, channelFormat: { ...w.channelFormat, blocks: [block, { ...block, id: 'AB_00041000_00000002' }] } }]);
    expect(stem.warnings).toEqual([
      'f.wav: audioPackFormat AP_00041001 (audioObject AO_1): nfcRefDist 2 m is not rendered (no near-field compensation)',
      'f.wav: audioChannelFormat AC_00041000: 2 HOA blocks; the first one\'s metadata is used for the whole file',
      'f.wav: audioPackFormat AP_00041001 (audioObject AO_1): screenRef is not rendered (HOA is not screen-scaled)',
    ]);
  });

  it('refuses FuMa beyond order 3', () => {
    const tracks = Array.from({ length: 25 }, (_, acn) => {
      const n = Math.floor(Math.sqrt(acn));
      return track(n, acn - n * n - n, 'FuMa');
    });
    expect(() => admHoaStem('f.wav', 'AO_1', pack, tracks)).toThrow('f.wav: audioPackFormat AP_00041001 (audioObject AO_1): FuMa normalisation at order 4 (FuMa is defined up to order 3)');
  });

  it('an HOA block without <order> is refused by the reader, naming the block', () => {
    const xml = `<?xml version="1.0"?><ituADM xmlns="urn:metadata-schema:adm"><coreMetadata><format><audioFormatExtended>
      <audioChannelFormat audioChannelFormatID="AC_00041001" audioChannelFormatName="W" typeDefinition="HOA">
        <audioBlockFormat audioBlockFormatID="AB_00041001_00000001"><degree>0</degree></audioBlockFormat>
      </audioChannelFormat></audioFormatExtended></format></coreMetadata></ituADM>`;
    expect(() => readAdmXml(xml, 'f.xml')).toThrow(/f\.xml: .*AB_00041001_00000001.*HOA block without <order> and <degree> \(expected both\)/);
  });
});
