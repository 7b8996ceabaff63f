/**
 * The controlled list of medical specialties recognised by the Federal Council of Medicine (CFM),
 * each with a stable code and its Portuguese name. Doctors' accounts and the directory refer to
 * specialties only by code, validated here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Specialties", allowedDependencies = {"platform"})
@org.jspecify.annotations.NullMarked
package br.com.healthmed.specialty;
