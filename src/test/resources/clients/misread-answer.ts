// A client written against a schema that is not the one generated: an appointment's price read as
// text, and the doctor search's edges read as they are not. tsc must refuse both lines.
import type { BookAppointmentMutation, SearchDoctorsQuery } from '@healthmed/graphql/operations';

export function priceText(data: BookAppointmentMutation): string {
  const price: string = data.bookAppointment.price;
  return price;
}

export function names(data: SearchDoctorsQuery): string[] {
  return data.searchDoctors.edges.map((edge) => edge.nodo.name);
}
