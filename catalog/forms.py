from django import forms


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several photos from one <input multiple> (as in Django's documentation)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)] if data else []


class ListingForm(forms.Form):
    # Field rules are enforced by catalog.services; the form only collects input.
    sku = forms.CharField(max_length=100)
    title = forms.CharField(max_length=500)
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    brand = forms.CharField(required=False)
    category = forms.CharField(required=False)
    colour = forms.CharField(required=False)
    gender = forms.CharField(required=False)
    price = forms.CharField(required=False)
    currency = forms.CharField(required=False, max_length=3)
    photos = MultipleFileField(required=False, help_text="JPEG, PNG or WebP; the first is the main photo.")


class CatalogUploadForm(forms.Form):
    archive = forms.FileField(help_text="A .zip with one catalogue CSV and the photos it names.",
                              widget=forms.ClearableFileInput(attrs={"accept": ".zip,application/zip"}))
