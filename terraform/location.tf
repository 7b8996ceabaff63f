# Geocoding of doctors' practice addresses (healthmed.geocoder=amazon-location). The coordinates are
# stored in DynamoDB, which Amazon Location's terms allow only with intended use "Storage".
resource "aws_location_place_index" "main" {
  index_name  = local.name
  data_source = "Esri"
  description = "Health&Med ${var.environment}: practice addresses to coordinates (stored)"

  data_source_configuration {
    intended_use = "Storage"
  }
}
