// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { History, type Command } from '../../core/commands';
import { createDesign } from '../../core/model';
import { Inspector } from '../../renderer/panels/InspectorPanel';

afterEach(cleanup);

function setup() {
  const h = new History(createDesign('Test'));
  h.apply({ type: 'addNode', kind: 'lambda', id: 'fn', name: 'Worker', position: { x: 0, y: 0 } });
  const dispatch = vi.fn((c: Command) => h.apply(c));
  const view = () => <Inspector design={h.design} nodeId="fn" selectionSize={1} problems={[]} dispatch={dispatch} onDelete={() => undefined} />;
  const utils = render(view());
  return { h, dispatch, rerender: () => utils.rerender(view()) };
}

describe('Inspector', () => {
  it('shows the AWS range of a number and commits an edit on Enter as one command', () => {
    const { dispatch } = setup();
    expect(screen.getByText('AWS range 128–10,240')).toBeTruthy();
    const memory = screen.getByTestId('field-memoryMb') as HTMLInputElement;
    expect(memory.value).toBe('128');
    fireEvent.change(memory, { target: { value: '2048' } });
    expect(dispatch).not.toHaveBeenCalled();
    fireEvent.blur(memory);
    expect(dispatch).toHaveBeenCalledWith({ type: 'setProp', nodeId: 'fn', path: ['memoryMb'], value: 2048 });
  });

  it('flags an out-of-range value inline once stored', () => {
    const { rerender } = setup();
    const memory = screen.getByTestId('field-memoryMb') as HTMLInputElement;
    fireEvent.change(memory, { target: { value: '99999' } });
    fireEvent.blur(memory);
    rerender();
    expect(screen.getByTestId('field-memoryMb-error').textContent).toContain("outside AWS's range 128–10,240");
    expect(memory.getAttribute('aria-invalid')).toBe('true');
  });

  it('edits enums with a select, booleans with a checkbox, nested objects in place, and the name', () => {
    const { dispatch } = setup();
    fireEvent.change(screen.getByTestId('field-runtime'), { target: { value: 'python3.13' } });
    expect(dispatch).toHaveBeenLastCalledWith({ type: 'setProp', nodeId: 'fn', path: ['runtime'], value: 'python3.13' });
    fireEvent.click(screen.getByTestId('field-killSwitch'));
    expect(dispatch).toHaveBeenLastCalledWith({ type: 'setProp', nodeId: 'fn', path: ['killSwitch'], value: true });
    fireEvent.change(screen.getByTestId('field-logRetentionDays'), { target: { value: '30' } });
    expect(dispatch).toHaveBeenLastCalledWith({ type: 'setProp', nodeId: 'fn', path: ['logRetentionDays'], value: 30 });
    const retries = screen.getByTestId('field-asyncConfig.maximumRetryAttempts');
    fireEvent.change(retries, { target: { value: '0' } });
    fireEvent.blur(retries);
    expect(dispatch).toHaveBeenLastCalledWith({ type: 'setProp', nodeId: 'fn', path: ['asyncConfig', 'maximumRetryAttempts'], value: 0 });
    const name = screen.getByTestId('inspector-name');
    fireEvent.change(name, { target: { value: 'Resizer' } });
    fireEvent.blur(name);
    expect(dispatch).toHaveBeenLastCalledWith({ type: 'rename', nodeId: 'fn', name: 'Resizer' });
  });

  it('shows the stored value again when an edit is refused', () => {
    const { dispatch } = setup();
    const memory = screen.getByTestId('field-memoryMb') as HTMLInputElement;
    fireEvent.change(memory, { target: { value: '1.5' } });
    fireEvent.blur(memory);
    expect(dispatch.mock.results[0].value.refused).toMatch(/memoryMb/);
    expect(memory.value).toBe('128');
  });

  it('edits the design name and region when nothing is selected', () => {
    const h = new History(createDesign('Test'));
    const dispatch = vi.fn((c: Command) => h.apply(c));
    render(<Inspector design={h.design} selectionSize={0} problems={[]} dispatch={dispatch} onDelete={() => undefined} />);
    const region = screen.getByTestId('design-region') as HTMLInputElement;
    fireEvent.change(region, { target: { value: 'eu-west-1' } });
    fireEvent.blur(region);
    expect(h.design.region).toBe('eu-west-1');
    fireEvent.change(region, { target: { value: 'moon-1' } });
    fireEvent.blur(region);
    expect(region.value).toBe('us-east-1');
  });

  it('keeps invalid JSON out of the design', () => {
    const { dispatch } = setup();
    const env = screen.getByTestId('field-environment');
    fireEvent.change(env, { target: { value: '{ broken' } });
    fireEvent.blur(env);
    expect(dispatch).not.toHaveBeenCalled();
    expect(screen.getByText('Not valid JSON; the value was not changed.')).toBeTruthy();
    fireEvent.change(env, { target: { value: '{"STAGE":"prod"}' } });
    fireEvent.blur(env);
    expect(dispatch).toHaveBeenLastCalledWith({ type: 'setProp', nodeId: 'fn', path: ['environment'], value: { STAGE: 'prod' } });
  });

  describe('node pickers', () => {
    function network() {
      const h = new History(createDesign('Net'));
      h.apply({ type: 'addNode', kind: 'vpc', id: 'vpc', name: 'VPC', position: { x: 0, y: 0 } });
      h.apply({ type: 'addNode', kind: 'internetGateway', id: 'igw', name: 'IGW', parent: 'vpc', position: { x: 0, y: 0 } });
      h.apply({ type: 'addNode', kind: 'subnet', id: 'sn-a', name: 'Private A', parent: 'vpc', position: { x: 0, y: 0 } });
      h.apply({ type: 'addNode', kind: 'subnet', id: 'sn-b', name: 'Private B', parent: 'vpc', position: { x: 0, y: 0 } });
      h.apply({ type: 'addNode', kind: 'natGateway', id: 'nat', name: 'NAT A', parent: 'sn-b', position: { x: 0, y: 0 } });
      h.apply({ type: 'addNode', kind: 'securityGroup', id: 'sg', name: 'Function SG', parent: 'vpc', position: { x: 0, y: 0 } });
      h.apply({ type: 'addNode', kind: 'lambda', id: 'fn', name: 'Worker', position: { x: 0, y: 0 } });
      const dispatch = vi.fn((c: Command) => h.apply(c));
      const view = (nodeId: string) => <Inspector design={h.design} nodeId={nodeId} selectionSize={1} problems={[]} dispatch={dispatch} onDelete={() => undefined} />;
      return { h, dispatch, view };
    }

    it('picks a subnet\'s default route from the gateways of the design, and clears it', () => {
      const { h, dispatch, view } = network();
      render(view('sn-a'));
      const route = screen.getByTestId('field-routeTable.defaultRoute') as HTMLSelectElement;
      expect([...route.options].map((o) => o.text)).toEqual(['— none —', 'Internet gateway: IGW', 'NAT gateway: NAT A']);
      fireEvent.change(route, { target: { value: 'nat' } });
      expect(dispatch).toHaveBeenLastCalledWith({ type: 'setProp', nodeId: 'sn-a', path: ['routeTable', 'defaultRoute'], value: 'nat' });
      fireEvent.change(route, { target: { value: '' } });
      expect(h.design.nodes.find((n) => n.id === 'sn-a')?.props).toMatchObject({ routeTable: { defaultRoute: null } });
    });

    it('attaches a function to a VPC only once it has a subnet and a security group; clearing both detaches', () => {
      const { h, dispatch, view } = network();
      const { rerender } = render(view('fn'));
      const fn = () => h.design.nodes.find((n) => n.id === 'fn')?.props as { vpc: unknown };
      fireEvent.click(screen.getByTestId('field-vpc.subnets-sn-a'));
      expect(dispatch).not.toHaveBeenCalled();
      expect(screen.getByRole('status').textContent).toMatch(/^Not saved yet/);
      fireEvent.click(screen.getByTestId('field-vpc.securityGroups-sg'));
      expect(fn().vpc).toEqual({ subnets: ['sn-a'], securityGroups: ['sg'] });
      rerender(view('fn'));
      fireEvent.click(screen.getByTestId('field-vpc.subnets-sn-b'));
      expect(fn().vpc).toEqual({ subnets: ['sn-a', 'sn-b'], securityGroups: ['sg'] });
      rerender(view('fn'));
      fireEvent.click(screen.getByTestId('field-vpc.subnets-sn-a'));
      expect(fn().vpc).toEqual({ subnets: ['sn-b'], securityGroups: ['sg'] });
      rerender(view('fn'));
      fireEvent.click(screen.getByTestId('field-vpc.subnets-sn-b'));
      expect(fn().vpc).toEqual({ subnets: ['sn-b'], securityGroups: ['sg'] });
      expect((screen.getByTestId('field-vpc.subnets-sn-b') as HTMLInputElement).checked).toBe(false);
      fireEvent.click(screen.getByTestId('field-vpc.securityGroups-sg'));
      expect(fn().vpc).toBeNull();
      expect(dispatch).toHaveBeenCalledTimes(4);
    });

    it('lists a reference to a node that is gone so it can be removed', () => {
      const { h, view } = network();
      h.apply({ type: 'addNode', kind: 'rds', id: 'db', name: 'DB', parent: 'vpc', position: { x: 0, y: 0 }, props: { subnets: ['sn-a', 'ghost'] } });
      render(view('db'));
      expect(screen.getByTestId('field-subnets').textContent).toContain('ghost (not in this design)');
      fireEvent.click(screen.getByTestId('field-subnets-ghost'));
      expect(h.design.nodes.find((n) => n.id === 'db')?.props).toMatchObject({ subnets: ['sn-a'] });
    });
  });
});
