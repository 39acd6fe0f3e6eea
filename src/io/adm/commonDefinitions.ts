/**
 * The ITU-R BS.2094 common definitions (data/README.md), parsed once on first use. ADM
 * files reference these pack, channel, stream and track formats (IDs 0001-0FFF) without
 * defining them; the importer looks up there what a file does not define itself.
 */
import type { AdmDocument } from '../../core/adm/admModel';
import commonDefinitionsData from './data/bs2094CommonDefinitions.json';
import { readAdmXml } from './admXmlRead';

let parsed: AdmDocument | undefined;

export function bs2094CommonDefinitions(): AdmDocument {
  parsed ??= readAdmXml(commonDefinitionsData.xml, 'ITU-R BS.2094 common definitions');
  return parsed;
}
