import { expect, nodeBox, openApp, openTemplate, test } from './helpers';

const VPC = 'vpc-rds-external-api';

test('breaking the VPC template shows findings live; a finding selects its target; Paths shows the broken network path', async ({ page }) => {
  await openApp(page);
  await openTemplate(page, VPC);
  const findings = page.getByTestId('findings-panel');
  await expect(findings).toContainText('No findings');
  await expect(page.getByTestId('badge-errors')).toHaveText('✕ 0');

  // An out-of-range memory size: CFG-01, at once, in the panel, the toolbar badge and on the node.
  await nodeBox(page, 'fn-quotes').click();
  await page.getByTestId('field-memoryMb').fill('99999');
  await page.getByTestId('field-memoryMb').press('Enter');
  const cfg = findings.locator('[data-rule="CFG-01"]');
  await expect(cfg).toContainText('Quote service — "Quote service" sets the memory to 99,999 MB');
  await expect(page.getByTestId('badge-errors')).toHaveText('✕ 1');
  await expect(nodeBox(page, 'fn-quotes').getByTestId('node-mark')).toHaveAttribute('data-severity', 'error');
  await cfg.getByTestId('finding-toggle').click();
  await expect(cfg.getByTestId('finding-docs')).toHaveAttribute('target', '_blank');

  // Clicking the finding selects the function again after the selection moved away.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await expect(page.getByTestId('inspector')).not.toContainText('Memory');
  await cfg.locator('.sd-finding-main').click();
  await expect(page.getByTestId('field-memoryMb')).toHaveValue('99999');
  await expect(nodeBox(page, 'fn-quotes')).toHaveClass(/is-selected/);

  // No default route in private subnet A: NET-01 and NET-03 on the subnet.
  await nodeBox(page, 'sn-private-a').locator('.sd-container-title').click();
  await expect(page.getByTestId('inspector-name')).toHaveValue('Private subnet A');
  await page.getByTestId('field-routeTable.defaultRoute').selectOption('');
  await expect(findings.locator('[data-rule="NET-01"]')).toContainText('Private subnet A');
  await expect(page.getByTestId('badge-errors')).toHaveText('✕ 3');

  // Paths: the internet-bound access edges turn amber (partly reachable), the database stays green.
  await page.getByTestId('toolbar-paths').click();
  await expect(page.getByTestId('paths-legend')).toBeVisible();
  await expect(page.getByTestId('rf__edge-e-quotes-partner')).toHaveClass(/sd-reach-partial/);
  await expect(page.getByTestId('rf__edge-e-quotes-db')).toHaveClass(/sd-reach-yes/);

  // The function's inspector leads to the edge's hop-by-hop path, the broken hop highlighted.
  await findings.locator('[data-rule="CFG-01"] .sd-finding-main').click();
  await page.getByTestId('reach-edge-e-quotes-partner').click();
  await expect(page.getByTestId('reach-verdict')).toHaveText('partly reachable');
  await expect(page.getByTestId('reach-broken-hop')).toContainText('Breaks at Private subnet A');

  // Undo is an edit too: the subnet's findings go as soon as its route is back.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await expect(findings.locator('[data-rule="NET-01"]')).toHaveCount(0);
  await expect(page.getByTestId('badge-errors')).toHaveText('✕ 1');
});

test('the cost panel prices the design per usage profile and region', async ({ page }) => {
  await openApp(page);
  await openTemplate(page, VPC);
  await page.getByTestId('dock-tab-cost').click();
  const total = page.getByTestId('cost-total');
  const dollars = async () => Number((await total.textContent())?.replace(/[$,]/g, ''));
  await expect(total).toHaveText(/^\$[\d,]+\.\d\d$/);
  await expect(page.getByTestId('cost-catalog')).toContainText(/Price catalog .+, prices as of .+ · us-east-1/);

  await page.getByTestId('cost-profile').selectOption('low');
  await expect(page.getByTestId('cost-profile')).toHaveValue('low');
  // The panel shows only an estimate made with its current options ("Estimating…" until the
  // analysis worker sends it): the amount shown now is the low profile's.
  await expect(total).toHaveText(/^\$[\d,]+\.\d\d$/);
  const low = await dollars();
  expect(low).toBeGreaterThan(0);
  await page.getByTestId('cost-profile').selectOption('peak');
  await expect.poll(dollars).toBeGreaterThan(low);

  const nat = page.getByTestId('cost-node').filter({ hasText: 'NAT gateway A' });
  await nat.getByRole('button', { expanded: false }).click();
  await expect(nat.getByTestId('cost-lines')).toContainText('NAT gateway hours');
  await expect(nat.getByRole('link', { name: /price source/ }).first()).toHaveAttribute('rel', 'noopener noreferrer');
  await page.getByTestId('cost-region').selectOption('ap-northeast-1');
  await expect(page.getByTestId('cost-catalog')).toContainText('ap-northeast-1');
});
