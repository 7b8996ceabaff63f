/**
 * The blob stores behind presigned URLs: Amazon S3, and the embedded encrypted local folder with
 * its signed URLs and controller.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.records.blob;
