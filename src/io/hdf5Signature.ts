/**
 * Recognises an HDF5 file by its superblock signature, the eight bytes
 * 0x89 'H' 'D' 'F' '\r' '\n' 0x1A '\n'. The superblock sits at byte 0, or after a user
 * block at byte 512, 1024, 2048, ... (a power of two of at least 512), so a reader
 * searches those offsets (The HDF Group, "HDF5 File Format Specification Version 3.0",
 * section II.A "Disk Format: Level 0A - Format Signature and Superblock").
 */
const SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a] as const;

export function hasHdf5Signature(bytes: Uint8Array): boolean {
  for (let offset = 0; offset + SIGNATURE.length <= bytes.length; offset = offset === 0 ? 512 : offset * 2) {
    if (SIGNATURE.every((byte, i) => bytes[offset + i] === byte)) return true;
  }
  return false;
}
