from django.urls import path

from catalog import views

urlpatterns = [
    path("", views.merchant_listings, name="merchant-listings"),
    path("new/", views.merchant_listing_new, name="merchant-listing-new"),
    path("import/", views.merchant_catalog_upload, name="merchant-catalog-upload"),
]
