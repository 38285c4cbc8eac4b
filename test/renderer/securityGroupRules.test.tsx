// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { History, type Command } from '../../core/commands';
import { createDesign, type NodeOfKind } from '../../core/model';
import { SecurityGroupRules } from '../../renderer/panels/SecurityGroupRules';

afterEach(cleanup);

function setup() {
  const h = new History(createDesign('Net'));
  h.apply({ type: 'addNode', kind: 'vpc', id: 'vpc', name: 'App VPC', position: { x: 0, y: 0 } });
  h.apply({ type: 'addNode', kind: 'securityGroup', id: 'sg-fn', name: 'function-sg', parent: 'vpc', position: { x: 0, y: 0 } });
  h.apply({ type: 'addNode', kind: 'securityGroup', id: 'sg-db', name: 'database-sg', parent: 'vpc', position: { x: 0, y: 0 } });
  const sent: Command[] = [];
  function Harness() {
    const [, setVersion] = useState(0);
    const group = h.design.nodes.find((n) => n.id === 'sg-db') as NodeOfKind<'securityGroup'>;
    const dispatch = (c: Command) => { sent.push(c); const r = h.apply(c); setVersion((v) => v + 1); return r; };
    return <SecurityGroupRules design={h.design} group={group} dispatch={dispatch} />;
  }
  render(<Harness />);
  const db = () => h.design.nodes.find((n) => n.id === 'sg-db') as NodeOfKind<'securityGroup'>;
  return { h, sent, db };
}

const typeAndLeave = (el: HTMLElement, text: string) => {
  fireEvent.change(el, { target: { value: text } });
  fireEvent.blur(el);
};

describe('SecurityGroupRules', () => {
  it('adds an inbound rule from a group picked by name in one setProp, only once it is complete', () => {
    const { h, sent, db } = setup();
    fireEvent.click(screen.getByTestId('sg-rule-ingress-add'));
    typeAndLeave(screen.getByTestId('sg-rule-ingress-new-ports'), '5432');
    expect(sent).toEqual([]);
    fireEvent.change(screen.getByTestId('sg-rule-ingress-new-peer'), { target: { value: 'sg:sg-fn' } });
    expect(sent).toHaveLength(1);
    expect(db().props.ingress).toEqual([{ protocol: 'tcp', fromPort: 5432, toPort: 5432, cidr: null, securityGroup: 'sg-fn', prefixList: null, description: '' }]);
    expect(h.undoLabel).toBe('Change Inbound rules');
    h.undo();
    expect(db().props.ingress).toEqual([]);
  });

  it('keeps invalid ports, CIDR blocks and prefix lists in the field with the reason, dispatching nothing', () => {
    const { sent } = setup();
    fireEvent.click(screen.getByTestId('sg-rule-ingress-add'));
    const ports = screen.getByTestId('sg-rule-ingress-new-ports') as HTMLInputElement;
    typeAndLeave(ports, '70000');
    expect(screen.getByTestId('sg-rule-ingress-new-ports-error').textContent).toMatch(/0 to 65535/);
    expect(ports.value).toBe('70000');
    typeAndLeave(ports, '443');
    fireEvent.change(screen.getByTestId('sg-rule-ingress-new-peer'), { target: { value: 'cidr' } });
    typeAndLeave(screen.getByTestId('sg-rule-ingress-new-peer-text'), '10.0.0/16');
    expect(screen.getByTestId('sg-rule-ingress-new-peer-error').textContent).toMatch(/not an IPv4 CIDR block/);
    typeAndLeave(screen.getByTestId('sg-rule-ingress-new-peer-text'), '10.0.0.7/16');
    expect(screen.getByTestId('sg-rule-ingress-new-peer-error').textContent).toMatch(/host bits set; the block is 10\.0\.0\.0\/16/);
    fireEvent.change(screen.getByTestId('sg-rule-ingress-new-peer'), { target: { value: 'pl' } });
    typeAndLeave(screen.getByTestId('sg-rule-ingress-new-peer-text'), 'pl-xyz');
    expect(screen.getByTestId('sg-rule-ingress-new-peer-error').textContent).toMatch(/not a prefix list id/);
    expect(sent).toEqual([]);
    fireEvent.keyDown(screen.getByTestId('sg-rule-ingress-new-peer-text'), { key: 'Escape' });
    expect(screen.queryByTestId('sg-rule-ingress-new')).toBeNull();
  });

  it('edits a stored rule (all traffic disables the ports), replaces the default egress, removes a row — one command each', () => {
    const { sent, db } = setup();
    fireEvent.click(screen.getByTestId('sg-rule-ingress-add'));
    typeAndLeave(screen.getByTestId('sg-rule-ingress-new-ports'), '1024-2048');
    fireEvent.change(screen.getByTestId('sg-rule-ingress-new-peer'), { target: { value: 'pl' } });
    typeAndLeave(screen.getByTestId('sg-rule-ingress-new-peer-text'), 'pl-0123456789abcdef0');
    expect(db().props.ingress[0]).toMatchObject({ fromPort: 1024, toPort: 2048, prefixList: 'pl-0123456789abcdef0', cidr: null, securityGroup: null });

    fireEvent.change(screen.getByTestId('sg-rule-ingress-0-protocol'), { target: { value: '-1' } });
    expect((screen.getByTestId('sg-rule-ingress-0-ports') as HTMLInputElement).disabled).toBe(true);
    expect(db().props.ingress[0]).toMatchObject({ protocol: '-1', fromPort: -1, toPort: -1 });

    expect(db().props.egress).toBeNull();
    fireEvent.click(screen.getByTestId('sg-rule-egress-add'));
    typeAndLeave(screen.getByTestId('sg-rule-egress-new-ports'), '443');
    fireEvent.change(screen.getByTestId('sg-rule-egress-new-peer'), { target: { value: 'cidr' } });
    typeAndLeave(screen.getByTestId('sg-rule-egress-new-peer-text'), '0.0.0.0/0');
    expect(db().props.egress).toEqual([{ protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0', securityGroup: null, prefixList: null, description: '' }]);

    fireEvent.click(screen.getByTestId('sg-rule-ingress-0-remove'));
    expect(db().props.ingress).toEqual([]);
    fireEvent.click(screen.getByTestId('sg-egress-restore-default'));
    expect(db().props.egress).toBeNull();
    expect(sent.map((c) => c.type === 'setProp' && c.path)).toEqual([['ingress'], ['ingress', 0], ['egress'], ['ingress'], ['egress']]);
  });
});
