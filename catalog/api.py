"""Merchant API: one thin view per action; validation and writes happen in services."""

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from catalog import selectors, services
from catalog.importer import CatalogFileError, catalog_import_archive
from catalog.models import Product, ProductImage
from catalog.permissions import IsMerchant


def raise_api_error(exc: DjangoValidationError):
    raise ValidationError(exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages})


def uploads_from(files) -> list[services.ImageUpload]:
    return [services.ImageUpload(data=f.read(), name=f.name) for f in files]


class ProductImageOutput(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    thumbnail_url = serializers.SerializerMethodField()

    class Meta:
        model = ProductImage
        fields = ["id", "position", "url", "thumbnail_url", "width", "height", "format", "checksum", "perceptual_hash"]

    def get_url(self, image) -> str:
        return image.file.url

    def get_thumbnail_url(self, image) -> str | None:
        return image.thumbnail.url if image.thumbnail else None


class ProductOutput(serializers.ModelSerializer):
    images = ProductImageOutput(many=True, read_only=True)
    merchant = serializers.CharField(source="merchant.name")

    class Meta:
        model = Product
        fields = ["id", "merchant", "sku", "title", "description", "brand", "category", "colour", "gender",
                  "price", "currency", "attributes", "status", "images", "created_at", "updated_at"]


class ProductFieldsInput(serializers.Serializer):
    # Types only; domain rules (lengths, emptiness, currency codes) live in catalog.listing_fields.
    sku = serializers.CharField(allow_blank=True, trim_whitespace=False)
    title = serializers.CharField(allow_blank=True, trim_whitespace=False)
    description = serializers.CharField(required=False, allow_blank=True)
    brand = serializers.CharField(required=False, allow_blank=True)
    category = serializers.CharField(required=False, allow_blank=True)
    colour = serializers.CharField(required=False, allow_blank=True)
    gender = serializers.CharField(required=False, allow_blank=True)
    price = serializers.CharField(required=False, allow_blank=True, allow_null=True)
    currency = serializers.CharField(required=False, allow_blank=True)
    attributes = serializers.DictField(child=serializers.CharField(allow_blank=True), required=False)


class ProductListApi(APIView):
    permission_classes = [IsMerchant]
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    class FilterInput(serializers.Serializer):
        category = serializers.CharField(required=False)
        colour = serializers.CharField(required=False)
        status = serializers.ChoiceField(choices=Product.Status.choices, required=False)

    class CreateInput(ProductFieldsInput):
        images = serializers.ListField(child=serializers.FileField(), required=False)

    @extend_schema(parameters=[FilterInput], responses=ProductOutput(many=True))
    def get(self, request):
        filters = self.FilterInput(data=request.query_params)
        filters.is_valid(raise_exception=True)
        products = selectors.product_list_for_merchant(merchant=request.user.merchant, filters=filters.validated_data)
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(products, request, view=self)
        return paginator.get_paginated_response(ProductOutput(page, many=True).data)

    @extend_schema(request=CreateInput, responses={201: ProductOutput})
    def post(self, request):
        data = request.data.copy() if hasattr(request.data, "getlist") else dict(request.data)
        files = request.FILES.getlist("images")
        if hasattr(data, "pop"):
            data.pop("images", None)
        serializer = ProductFieldsInput(data=data)
        serializer.is_valid(raise_exception=True)
        try:
            product = services.product_create(merchant=request.user.merchant, images=uploads_from(files),
                                              **serializer.validated_data)
        except DjangoValidationError as exc:
            raise_api_error(exc)
        return Response(ProductOutput(product).data, status=status.HTTP_201_CREATED)


class MerchantProductMixin:
    def get_product(self, request, product_id: int) -> Product:
        product = selectors.product_get_for_merchant(merchant=request.user.merchant, product_id=product_id)
        if product is None:
            raise Http404("No such listing.")
        return product


class ProductDetailApi(MerchantProductMixin, APIView):
    permission_classes = [IsMerchant]

    class UpdateInput(ProductFieldsInput):
        sku = serializers.CharField(required=False, allow_blank=True)
        title = serializers.CharField(required=False, allow_blank=True)
        status = serializers.ChoiceField(choices=Product.Status.choices, required=False)

    @extend_schema(responses=ProductOutput)
    def get(self, request, product_id: int):
        return Response(ProductOutput(self.get_product(request, product_id)).data)

    @extend_schema(request=UpdateInput, responses=ProductOutput)
    def patch(self, request, product_id: int):
        product = self.get_product(request, product_id)
        serializer = self.UpdateInput(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        new_status = fields.pop("status", None)
        try:
            if fields:
                product = services.product_update(product=product, **fields)
            if new_status:
                product = services.product_status_set(product=product, status=new_status)
        except DjangoValidationError as exc:
            raise_api_error(exc)
        return Response(ProductOutput(product).data)

    @extend_schema(responses={204: None})
    def delete(self, request, product_id: int):
        services.product_delete(product=self.get_product(request, product_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class ProductImagesApi(MerchantProductMixin, APIView):
    permission_classes = [IsMerchant]
    parser_classes = [MultiPartParser]

    class Input(serializers.Serializer):
        images = serializers.ListField(child=serializers.FileField(), allow_empty=False)

    @extend_schema(request=Input, responses={201: ProductImageOutput(many=True)})
    def post(self, request, product_id: int):
        product = self.get_product(request, product_id)
        files = request.FILES.getlist("images")
        if not files:
            raise ValidationError({"images": "attach at least one photo as 'images'"})
        try:
            images = services.product_images_attach(product=product, images=uploads_from(files))
        except DjangoValidationError as exc:
            raise_api_error(exc)
        return Response(ProductImageOutput(images, many=True).data, status=status.HTTP_201_CREATED)


class ProductImageDetailApi(MerchantProductMixin, APIView):
    permission_classes = [IsMerchant]

    @extend_schema(responses={204: None})
    def delete(self, request, product_id: int, image_id: int):
        product = self.get_product(request, product_id)
        image = product.images.filter(pk=image_id).first()
        if image is None:
            raise Http404("No such photo.")
        services.product_image_delete(image=image)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CatalogImportApi(APIView):
    permission_classes = [IsMerchant]
    parser_classes = [MultiPartParser]

    class Input(serializers.Serializer):
        archive = serializers.FileField(help_text="A zip with one catalogue CSV and the photos it names.")

    @extend_schema(
        request=Input,
        responses=inline_serializer("ImportReport", {
            "created": serializers.IntegerField(), "updated": serializers.IntegerField(),
            "unchanged": serializers.IntegerField(),
            "rejected": serializers.ListField(child=serializers.DictField()),
        }),
    )
    def post(self, request):
        serializer = self.Input(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            report = catalog_import_archive(merchant=request.user.merchant,
                                            archive=serializer.validated_data["archive"],
                                            max_bytes=settings.CATALIGN_MAX_CATALOG_UPLOAD_BYTES)
        except CatalogFileError as exc:
            raise ValidationError({"archive": str(exc)}) from None
        return Response(report.as_dict())
