/**
 * The doctor directory: public doctor profiles (specialties, price, office, coordinates, time zone,
 * consultation length) and the search by specialty, distance in km, rating and price.
 *
 * <p>Other modules use {@link br.com.healthmed.directory.DoctorPractices} to read what they need
 * of a doctor's practice (price, time zone, consultation length) and
 * {@link br.com.healthmed.directory.DoctorRatings} to add the rating of a completed consultation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory", allowedDependencies = {"identity :: api", "platform", "specialty :: api"})
@org.jspecify.annotations.NullMarked
package br.com.healthmed.directory;
