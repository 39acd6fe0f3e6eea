import { describe, expect, it } from 'vitest';
import { artifactPath } from './support/artifacts';
import { useStudioSession } from './support/studioSession';
import { DEMO_SOURCE_IDS, openStudio } from './support/studioPage';

/**
 * The stage stays readable: the demo's source names do not cover each other on the first
 * load. The page runs without audio (`?engine=none`): only the stage is under test.
 */

interface Box {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const session = useStudioSession({ open: false });

async function labelBoxes(): Promise<Box[]> {
  const boxes: Box[] = [];
  for (const id of DEMO_SOURCE_IDS) {
    const box = await session.page.getByTestId(`stage-label-${id}`).boundingBox();
    if (box === null) throw new Error(`the label of ${id} is not visible`);
    boxes.push({ id, ...box });
  }
  return boxes;
}

function overlappingPairs(boxes: readonly Box[]): string[] {
  const pairs: string[] = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) pairs.push(`${a.id} and ${b.id}`);
    }),
  );
  return pairs;
}

describe('the stage', () => {
  it('shows the demo\'s seven source names without any two overlapping on the first load', async () => {
    const { page, server } = session;
    await openStudio(page, server.url, '?engine=none');
    await page.waitForTimeout(300);
    await page.getByTestId('stage-canvas').screenshot({ path: artifactPath('stage-labels.png') });
    expect(overlappingPairs(await labelBoxes())).toEqual([]);
  });

  it('logged no page errors', () => {
    expect(session.browser.pageErrors).toEqual([]);
  });
});
