"""Merchant pages: server-rendered, thin, calling the same services as the API."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render

from catalog import selectors, services
from catalog.forms import CatalogUploadForm, ListingForm
from catalog.importer import CatalogFileError, catalog_import_archive
from catalog.models import Product
from catalog.roles import is_merchant


def merchant_required(view):
    @login_required
    def wrapped(request, *args, **kwargs):
        if not is_merchant(request.user):
            raise PermissionDenied("Only merchant accounts have a listings page.")
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    return wrapped


def home(request):
    return render(request, "home.html")


@merchant_required
def merchant_listings(request):
    filters = {name: request.GET.get(name, "") for name in ("category", "colour", "status")}
    products = selectors.product_list_for_merchant(merchant=request.user.merchant, filters=filters)
    page = Paginator(products, 48).get_page(request.GET.get("page"))
    return render(request, "catalog/listings.html", {
        "page": page, "filters": filters, "statuses": Product.Status.choices,
    })


@merchant_required
def merchant_listing_new(request):
    form = ListingForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        photos = data.pop("photos")
        try:
            product = services.product_create(
                merchant=request.user.merchant,
                images=[services.ImageUpload(data=f.read(), name=f.name) for f in photos],
                **data,
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else ("photos" if field == "images" else None), errors)
        else:
            messages.success(request, f"Listing {product.sku} created.")
            return redirect("merchant-listings")
    return render(request, "catalog/listing_new.html", {"form": form})


@merchant_required
def merchant_catalog_upload(request):
    form = CatalogUploadForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        try:
            report = catalog_import_archive(merchant=request.user.merchant, archive=form.cleaned_data["archive"],
                                            max_bytes=settings.CATALIGN_MAX_CATALOG_UPLOAD_BYTES)
        except CatalogFileError as exc:
            form.add_error("archive", str(exc))
    return render(request, "catalog/catalog_upload.html", {"form": form, "report": report})
