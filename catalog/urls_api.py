from django.urls import path

from catalog import api

urlpatterns = [
    path("products/", api.ProductListApi.as_view(), name="api-products"),
    path("products/<int:product_id>/", api.ProductDetailApi.as_view(), name="api-product"),
    path("products/<int:product_id>/images/", api.ProductImagesApi.as_view(), name="api-product-images"),
    path("products/<int:product_id>/images/<int:image_id>/", api.ProductImageDetailApi.as_view(),
         name="api-product-image"),
    path("catalog/imports/", api.CatalogImportApi.as_view(), name="api-catalog-import"),
]
