/**
 * The ITU-R BS.2094 common definitions (data/README.md), parsed once on first use. ADM
 * files reference these pack, channel, stream and track formats (IDs 0001-0FFF) without
 * defining them; the importer looks up there what a file does not define itself.
 */
import type { AdmDocument } from '../../core/adm/admModel';
import commonDefinitionsData from './data/bs2094CommonDefinitions.json';
import { readAdmXml } from './admXmlRead';

let parsed: AdmDocument | undefined;

/**
 * The 7.1.2 pack AP_00010016 as the BS.2094-1 document defines it: side left and right
 * (AC_0001000a, AC_0001000b). The shipped file (EAR's, from the spreadsheet attached to
 * BS.2094-1) lists side right and top centre (AC_0001000b, AC_0001000c) instead, an error
 * libadm corrected (ebu/libadm pull request 53); with it a 7.1.2 bed has no M+090 and two
 * M-090 routes.
 */
const CORRECTED_PACK_CHANNELS: Readonly<Record<string, readonly string[]>> = {
  AP_00010016: ['AC_00010001', 'AC_00010002', 'AC_00010003', 'AC_00010004', 'AC_0001000a', 'AC_0001000b', 'AC_0001001c', 'AC_0001001d', 'AC_00010013', 'AC_00010014'],
};

export function bs2094CommonDefinitions(): AdmDocument {
  if (parsed === undefined) {
    const document = readAdmXml(commonDefinitionsData.xml, 'ITU-R BS.2094 common definitions');
    parsed = {
      ...document,
      packFormats: document.packFormats.map((pack) => {
        const channels = CORRECTED_PACK_CHANNELS[pack.id];
        return channels === undefined ? pack : { ...pack, channelFormatIds: channels };
      }),
    };
  }
  return parsed;
}
