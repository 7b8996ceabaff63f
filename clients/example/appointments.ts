// Booking, the caller's appointments page by page, and live updates with resume, from the generated
// types. Nullable answers (a refused list or mutation is null, not empty) must be handled: strict mode says so.
import type {
  AppointmentEventsSubscription,
  AppointmentEventsSubscriptionVariables,
  BookAppointmentMutation,
  BookAppointmentMutationVariables,
  MyAppointmentsQuery,
  MyAppointmentsQueryVariables,
} from '@healthmed/graphql/operations';
import type { AppointmentEventKind, AppointmentStatus } from '@healthmed/graphql/schema';
import { ApiFailure, execute } from './api';
import { priceLabel, total } from './money';

type Booking = NonNullable<BookAppointmentMutation['bookAppointment']>;
type Appointment = NonNullable<MyAppointmentsQuery['myAppointments']>['edges'][number]['node'];
type AppointmentEvent = AppointmentEventsSubscription['appointmentEvents'];

/** What a patient reads for each kind of change. A kind the schema adds fails to compile here. */
const WHAT_HAPPENED: Record<AppointmentEventKind, string> = {
  REQUESTED: 'Solicitação enviada ao médico',
  CONFIRMED: 'Consulta confirmada',
  REJECTED: 'Solicitação recusada pelo médico',
  CANCELLED_BY_PATIENT: 'Consulta cancelada por você',
  CANCELLED_BY_DOCTOR: 'Consulta cancelada pelo médico',
  EXPIRED: 'O médico não respondeu a tempo',
  COMPLETED: 'Consulta realizada',
  NO_SHOW: 'Ausência registrada',
  RESCHEDULED: 'Consulta remarcada',
  NEW_TIME_PROPOSED: 'O médico propôs outro horário',
  NEW_TIME_DECLINED: 'Você recusou o novo horário',
  WAITLIST_OFFER: 'Um horário da lista de espera está reservado para você',
  OFFER_EXPIRED: 'A oferta da lista de espera expirou',
  OFFER_DECLINED: 'Você recusou a oferta da lista de espera',
};

/**
 * Books a slot; the key is made once per attempt and sent again on a retry (same appointment back).
 * The answer is the appointment and the slot as the booking left it (available: false): a normalised
 * cache writes both, so a cached agenda shows the slot taken.
 */
export async function book(
  endpoint: string,
  document: string,
  accessToken: string,
  slotId: string,
  idempotencyKey: string = crypto.randomUUID(),
): Promise<Booking> {
  const variables: BookAppointmentMutationVariables = { slotId, idempotencyKey };
  const answer = await execute<BookAppointmentMutation, BookAppointmentMutationVariables>(
    endpoint, document, variables, accessToken);
  // A refused booking (SLOT_UNAVAILABLE, WRONG_ROLE, ...) is null beside its error.
  if (answer.data.bookAppointment === null) {
    throw new ApiFailure(answer.errors, answer.requestId);
  }
  return answer.data.bookAppointment;
}

/** The appointments of one page, or null when the list was refused (errors say why; never "none"). */
export function appointmentsOf(data: MyAppointmentsQuery): Appointment[] | null {
  const connection = data.myAppointments;
  if (connection === null) {
    return null;
  }
  return connection.edges.map((edge) => edge.node);
}

/** Upcoming appointments, 20 a page; read on with laterPage. */
export function upcoming(now: string): MyAppointmentsQueryVariables {
  return { from: now, first: 20 };
}

/** The latest past appointments, 20 a page; scroll back with earlierPage. */
export function recentPast(now: string): MyAppointmentsQueryVariables {
  return { to: now, last: 20 };
}

/** Reading forwards: the page after this one, or null at the end. A filtered page may be empty and still have one. */
export function laterPage(
  variables: MyAppointmentsQueryVariables,
  data: MyAppointmentsQuery,
): MyAppointmentsQueryVariables | null {
  const pageInfo = data.myAppointments?.pageInfo;
  return pageInfo?.hasNextPage && pageInfo.endCursor !== null ? { ...variables, after: pageInfo.endCursor } : null;
}

/** Reading backwards: the page before this one (earlier starts), or null at the start. */
export function earlierPage(
  variables: MyAppointmentsQueryVariables,
  data: MyAppointmentsQuery,
): MyAppointmentsQueryVariables | null {
  const pageInfo = data.myAppointments?.pageInfo;
  return pageInfo?.hasPreviousPage && pageInfo.startCursor !== null
    ? { ...variables, before: pageInfo.startCursor }
    : null;
}

/** What the page's priced consultations cost together, exactly (integer cents, not floats). */
export function costOf(appointments: ReadonlyArray<Appointment>): string {
  const sum = total(appointments.flatMap((appointment) => (appointment.price === null ? [] : [appointment.price])));
  return sum === null ? 'Nenhuma consulta com preço' : priceLabel(sum);
}

/** Whether the appointment still holds its slot. */
export function holdsSlot(status: AppointmentStatus): boolean {
  return status === 'OFFERED' || status === 'REQUESTED' || status === 'CONFIRMED';
}

/**
 * The subscription's state across reconnects: subscribe with `after: appointmentEventsCursor`, keep
 * each event's id, resubscribe with `after:` the last one (docs/events.md).
 */
export class AppointmentFeed {
  private lastId: string;
  readonly notices: string[] = [];

  constructor(cursor: string) {
    this.lastId = cursor;
  }

  /** The variables of the next subscription, after a break or at start. */
  resume(): AppointmentEventsSubscriptionVariables {
    return { after: this.lastId };
  }

  receive(event: AppointmentEvent): void {
    this.lastId = event.id;
    // A kind from a newer server than this build still gets a line.
    this.notices.push(WHAT_HAPPENED[event.kind] ?? 'Sua consulta foi atualizada');
    const now: AppointmentStatus | undefined = event.appointment?.status;
    if (now !== undefined && !holdsSlot(now)) {
      this.notices.push('O horário foi liberado');
    }
  }
}
