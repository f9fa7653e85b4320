// The seeds' OKRs, set up through the add-on's own RPCs as a user of the sidebar would.
import { type Addon, call } from './addon';

/** 2027-Q1 with "Build a product customers love": churn 8% → 5%, NPS 35 → 50, feature adoption 60% → 90%. */
export function seedOkrs(a: Addon): string {
  call(a, 'setUpQuarter', { quarter: '2027-Q1' });
  const { id } = call<{ id: string }>(a, 'saveObjective', {
    title: 'Build a product customers love',
    owner: 'Ana',
    team: 'Product',
  });
  call(a, 'saveKeyResult', {
    objectiveId: id,
    title: 'Reduce churn from 8% to 5%',
    baseline: '8%',
    target: '5%',
    current: '8%',
  });
  call(a, 'saveKeyResult', {
    objectiveId: id,
    title: 'Raise NPS from 35 to 50',
    baseline: 35,
    target: 50,
    current: 35,
  });
  call(a, 'saveKeyResult', {
    objectiveId: id,
    title: '90% feature adoption',
    baseline: '60%',
    target: '90%',
    current: '60%',
  });
  return id;
}

/** The seeds plus check-ins and a finished yes/no objective: O1.1 done, O1.2 at 2/3, O1.3 at 0, O2.1 done. */
export function quarterWithProgress(a: Addon): { o1: string; o2: string } {
  const o1 = seedOkrs(a);
  call(a, 'checkIn', { krId: `${o1}.1`, value: '5%' });
  call(a, 'checkIn', { krId: `${o1}.2`, value: 45 });
  const { id: o2 } = call<{ id: string }>(a, 'saveObjective', { title: 'Ship the mobile app' });
  call(a, 'saveKeyResult', { objectiveId: o2, title: 'App store launch', type: 'yes/no', current: 'done' });
  return { o1, o2 };
}
