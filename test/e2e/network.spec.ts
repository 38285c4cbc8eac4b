import type { Page } from '@playwright/test';
import { dropFromPalette, expect, nodeBox, openApp, test } from './helpers';

/** Drops a palette entry on the middle of a node drawn on the canvas. */
async function dropOnto(page: Page, kind: string, targetId: string, dy = 0): Promise<void> {
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  const box = (await nodeBox(page, targetId).boundingBox())!;
  await dropFromPalette(page, kind, { x: box.x - canvas.x + box.width / 2, y: box.y - canvas.y + box.height / 2 + dy });
}

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('subnets dropped into a VPC get free CIDR blocks and alternate AZs; an overlap becomes a finding naming the subnet', async ({ page }) => {
  await dropFromPalette(page, 'vpc', { x: 320, y: 240 });
  await expect(nodeBox(page, 'vpc-1')).toBeVisible();

  await dropOnto(page, 'subnet', 'vpc-1');
  await expect(page.getByTestId('inspector-parent')).toHaveValue('vpc-1');
  await expect(page.getByTestId('field-cidr')).toHaveValue('10.0.0.0/24');
  await expect(page.getByTestId('field-az')).toHaveValue('a');

  await dropOnto(page, 'subnet', 'vpc-1');
  await expect(page.getByTestId('inspector-name')).toHaveValue('Subnet 2');
  await expect(page.getByTestId('inspector-parent')).toHaveValue('vpc-1');
  await expect(page.getByTestId('field-cidr')).toHaveValue('10.0.1.0/24');
  await expect(page.getByTestId('field-az')).toHaveValue('b');

  // The user types the first subnet's block into the second: AWS would refuse it, and the findings say so.
  const findings = page.getByTestId('findings-panel').locator('[data-testid="finding-item"][data-rule="NET-18"]');
  await expect(findings).toHaveCount(0);
  await page.getByTestId('field-cidr').fill('10.0.0.0/24');
  await page.getByTestId('field-cidr').press('Enter');
  // The inspector lists it on the subnet at once; the Findings tab of the analysis dock lists it too.
  await expect(page.getByTestId('inspector-findings')).toContainText('NET-18');
  await expect(page.getByTestId('inspector-findings')).toContainText('overlaps subnet "Subnet 1"');
  await page.getByTestId('dock-tab-findings').click();
  if ((await page.getByTestId('dock-toggle').getAttribute('aria-expanded')) !== 'true') await page.getByTestId('dock-toggle').click();
  await expect(findings).toHaveCount(1);
  await expect(findings).toHaveAttribute('data-target', 'subnet-2');
  await expect(findings).toContainText('Subnet "Subnet 2" (10.0.0.0/24) overlaps subnet "Subnet 1" (10.0.0.0/24)');
});

test('a security group rule with another group picked by name as source, port 5432; bad text stays with its reason; undo removes the rule', async ({ page }) => {
  await dropFromPalette(page, 'vpc', { x: 320, y: 240 });
  await dropOnto(page, 'securityGroup', 'vpc-1', -30);
  await dropOnto(page, 'securityGroup', 'vpc-1', 30);
  await expect(page.getByTestId('inspector-name')).toHaveValue('Security group 2');
  const rules = page.getByTestId('sg-rules-ingress');
  await expect(rules).toContainText('No inbound rules');
  await expect(page.getByTestId('sg-egress-default')).toContainText('AWS default: all traffic to 0.0.0.0/0');

  await page.getByTestId('sg-rule-ingress-add').click();
  const row = page.getByTestId('sg-rule-ingress-new');
  await row.getByTestId('sg-rule-ingress-new-ports').fill('5432-80');
  await row.getByTestId('sg-rule-ingress-new-ports').press('Enter');
  await expect(page.getByTestId('sg-rule-ingress-new-ports-error')).toContainText('The range starts after it ends');
  await row.getByTestId('sg-rule-ingress-new-ports').fill('5432');
  await row.getByTestId('sg-rule-ingress-new-ports').press('Tab');
  // Not a rule yet: no source. Picking the other group by its name completes it, in one step.
  await expect(page.getByTestId('sg-rule-ingress-0')).toHaveCount(0);
  await row.getByTestId('sg-rule-ingress-new-peer').selectOption({ label: 'Security group 1' });

  const saved = page.getByTestId('sg-rule-ingress-0');
  await expect(saved).toBeVisible();
  await expect(page.getByTestId('sg-rule-ingress-new')).toHaveCount(0);
  await expect(saved.getByTestId('sg-rule-ingress-0-protocol')).toHaveValue('tcp');
  await expect(saved.getByTestId('sg-rule-ingress-0-ports')).toHaveValue('5432');
  await expect(saved.getByTestId('sg-rule-ingress-0-peer').locator('option:checked')).toHaveText('Security group 1');

  // A CIDR source that is not one stays in the field with the reason, and the stored rule keeps its group.
  await saved.getByTestId('sg-rule-ingress-0-peer').selectOption({ label: 'CIDR block…' });
  await saved.getByTestId('sg-rule-ingress-0-peer-text').fill('10.0.300.0/16');
  await saved.getByTestId('sg-rule-ingress-0-peer-text').press('Enter');
  await expect(page.getByTestId('sg-rule-ingress-0-peer-error')).toContainText('300 is above 255');
  await expect(saved.getByTestId('sg-rule-ingress-0-peer-text')).toHaveValue('10.0.300.0/16');

  await expect(page.getByTestId('toolbar-undo')).toHaveAttribute('title', /Undo \(Change Inbound rules\)/);
  await page.getByTestId('toolbar-undo').click();
  await expect(page.getByTestId('sg-rule-ingress-0')).toHaveCount(0);
  await expect(rules).toContainText('No inbound rules');
});

test('a subnet added to a full VPC is still added, and a notice says no block is left', async ({ page }) => {
  await dropFromPalette(page, 'vpc', { x: 320, y: 240 });
  await page.getByTestId('field-cidr').fill('192.168.0.0/28');
  await page.getByTestId('field-cidr').press('Enter');
  await dropOnto(page, 'subnet', 'vpc-1');
  await expect(page.getByTestId('field-cidr')).toHaveValue('192.168.0.0/28');
  await dropOnto(page, 'subnet', 'vpc-1');
  await expect(page.getByTestId('inspector-name')).toHaveValue('Subnet 2');
  await expect(page.getByTestId('toast')).toContainText('VPC "VPC 1" (192.168.0.0/28) has no free /28 left');
});
