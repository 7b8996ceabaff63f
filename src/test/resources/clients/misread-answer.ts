// A client written against a schema that is not the one generated: a price's amount read as a
// number, and the doctor search's edges read in their old shape. tsc must refuse both lines.
import type { BookAppointmentMutation, SearchDoctorsQuery } from '@healthmed/graphql/operations';

export function amount(data: BookAppointmentMutation): number {
  const amount: number = data.bookAppointment?.appointment.price?.amount ?? 0;
  return amount;
}

export function names(data: SearchDoctorsQuery): string[] {
  return data.searchDoctors?.edges.map((edge) => edge.doctor.name) ?? [];
}
